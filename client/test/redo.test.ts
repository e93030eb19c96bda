import type { Card, Command, RejectReason } from '@baton/shared-types';
import { describe, expect, it } from 'vitest';
import { redoFor } from '../src/features/board/redo';
import type { RejectedChange } from '../src/sync/rejectionLog';
import { card } from './fixtures';

const refused = (command: Command, reason: RejectReason): RejectedChange => ({ command, reason, message: '', cardTitle: 'x', at: 1, shownInline: false });
const cards = (...list: Card[]) => new Map(list.map((c) => [c.id, c]));

describe('redoing a change that was not applied', () => {
  const erp = card('ERP rollout', 'solution_demo', 'a');
  const move: Command = { id: 'm1', type: 'moveCard', cardId: erp.id, toStage: 'quote', afterCardId: null };

  it('sends a gate failure back through the move flow, which asks for what is missing', () => {
    expect(redoFor(refused(move, 'gate_failed'), cards(erp))).toEqual({ kind: 'move', card: erp, target: { toStage: 'quote', afterCardId: null, beforeCardId: null } });
  });

  it('offers nothing for a move of a card archived meanwhile, or one already where it was sent', () => {
    expect(redoFor(refused(move, 'conflict'), cards({ ...erp, archived: true }))).toBeNull();
    expect(redoFor(refused(move, 'conflict'), cards({ ...erp, stage: 'quote' as Card['stage'] }))).toBeNull();
    expect(redoFor(refused(move, 'conflict'), cards())).toBeNull();
  });

  it('offers nothing when trying again cannot help (not allowed, gone, malformed)', () => {
    for (const reason of ['forbidden', 'not_found', 'invalid', 'too_large'] as const) expect(redoFor(refused(move, reason), cards(erp))).toBeNull();
  });

  it('re-sends a field edit as it was, with a new command id', () => {
    const edit: Command = { id: 'u1', type: 'updateCard', cardId: erp.id, fields: { nextStep: 'Call Tuesday' } };
    expect(redoFor(refused(edit, 'internal'), cards(erp))).toEqual({ kind: 'send', input: { type: 'updateCard', cardId: erp.id, fields: { nextStep: 'Call Tuesday' } } });
  });

  it('re-creates a refused new deal under a fresh card id', () => {
    const create: Command = { id: 'c1', type: 'createCard', card: { id: 'old-id', title: 'Pilot', customer: 'Acme' } } as Command;
    const redo = redoFor(refused(create, 'conflict'), cards());
    expect(redo?.kind).toBe('send');
    const input = redo?.kind === 'send' ? redo.input : null;
    expect(input).toMatchObject({ type: 'createCard', card: { title: 'Pilot', customer: 'Acme' } });
    expect(input?.type === 'createCard' ? input.card.id : undefined).not.toBe('old-id');
  });
});
