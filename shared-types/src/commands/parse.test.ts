import { describe, expect, it } from 'vitest';
import { LIMITS } from '../protocol/limits';
import { parseCommand } from './parse';

const id = '7f3e0c1a-1d2b-4c5d-8e9f-0a1b2c3d4e5f';
const cardId = '11111111-2222-4333-8444-555555555555';

describe('parsing untrusted commands', () => {
  it('accepts a well-formed move', () => {
    const r = parseCommand(JSON.stringify({ id, type: 'moveCard', cardId, toStage: 'quote' }));
    expect(r.ok).toBe(true);
  });

  it.each<[string, unknown, string, RegExp]>([
    ['malformed JSON', '{"id":', 'invalid', /not valid JSON/],
    ['a JSON array', '[1,2]', 'invalid', /JSON object/],
    ['an unknown type', JSON.stringify({ id, type: 'dropTable' }), 'invalid', /Unknown command type/],
    ['a missing type', JSON.stringify({ id }), 'invalid', /Unknown command type/],
    ['a non-UUID command id', JSON.stringify({ id: 'x', type: 'archiveCard', cardId }), 'invalid', /UUID/],
    ['a wrong field type', JSON.stringify({ id, type: 'updateCard', cardId, fields: { amount: 'lots' } }), 'invalid', /amount/],
    ['a negative amount', JSON.stringify({ id, type: 'updateCard', cardId, fields: { amount: -5 } }), 'invalid', /amount/],
    ['an unknown field', JSON.stringify({ id, type: 'updateCard', cardId, fields: { colour: 'red' } }), 'invalid', /colour/],
    ['a server-set field', JSON.stringify({ id, type: 'updateCard', cardId, fields: { createdAt: 1 } }), 'forbidden', /set by the server/],
    ['a stage set by editing', JSON.stringify({ id, type: 'updateCard', cardId, fields: { stage: 'signed' } }), 'forbidden', /moving the card/],
    ['a rank forged at creation', JSON.stringify({ id, type: 'createCard', card: { title: 't', customer: 'c', rank: 'a' } }), 'forbidden', /server/],
    ['a card without a title', JSON.stringify({ id, type: 'createCard', card: { customer: 'c' } }), 'invalid', /title/],
    ['a stage id with spaces', JSON.stringify({ id, type: 'moveCard', cardId, toStage: 'thinking about it' }), 'invalid', /stage/],
  ])('refuses %s with a clear reason', (_name, input, reason, message) => {
    const r = parseCommand(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.reason).toBe(reason);
      expect(r.error.message).toMatch(message);
    }
  });

  it('refuses oversized input before parsing it', () => {
    const r = parseCommand('x'.repeat(LIMITS.maxCommandBytes + 1));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.reason).toBe('too_large');
  });

  it('echoes a usable command id so the sender can match the answer', () => {
    const r = parseCommand(JSON.stringify({ id, type: 'nope' }));
    expect(!r.ok && r.error.id).toBe(id);
  });

  it('lets the creator choose the new card id', () => {
    const r = parseCommand({ id, type: 'createCard', card: { id: cardId, title: 'ERP rollout', customer: 'Acme' } });
    expect(r.ok && r.value.type === 'createCard' && r.value.card.id).toBe(cardId);
  });
});
