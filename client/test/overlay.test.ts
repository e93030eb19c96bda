import type { Command, CommandInput } from '@baton/shared-types';
import { describe, expect, it } from 'vitest';
import { applyOverlay, isReflected } from '../src/sync/overlay';
import { base, card, titles } from './fixtures';

const a = card('A', 'lead', '0|a');
const b = card('B', 'lead', '0|b');
const c = card('C', 'lead', '0|c');
const q1 = card('Q1', 'quote', '0|a');
const q2 = card('Q2', 'quote', '0|b');
const gone = card('Gone', 'quote', '0|c', { archived: true });
const board = base([a, b, c, q1, q2, gone]);
const ctx = { userId: 'sales', now: 5000 };
const cmd = (c: CommandInput, id = crypto.randomUUID()) => ({ ...c, id }) as Command;

describe('the optimistic overlay', () => {
  it('shows a pending move in its target column at its target position', () => {
    const view = applyOverlay(board, [cmd({ type: 'moveCard', cardId: a.id, toStage: 'quote', afterCardId: q1.id, beforeCardId: q2.id })], ctx);
    expect(titles(view, 'lead')).toEqual(['B', 'C']);
    expect(titles(view, 'quote')).toEqual(['Q1', 'A', 'Q2']);
    expect(view.cards.get(a.id)?.stage).toBe('quote');
    expect(view.cards.get(a.id)?.stageEnteredAt).toBe(5000);
    expect(view.pending.has(a.id)).toBe(true);
  });

  it('places a move by the card below when the card above is gone, and at the end when both are', () => {
    const byBefore = applyOverlay(board, [cmd({ type: 'moveCard', cardId: c.id, toStage: 'lead', afterCardId: 'missing', beforeCardId: a.id })], ctx);
    expect(titles(byBefore, 'lead')).toEqual(['C', 'A', 'B']);
    const atEnd = applyOverlay(board, [cmd({ type: 'moveCard', cardId: a.id, toStage: 'quote' })], ctx);
    expect(titles(atEnd, 'quote')).toEqual(['Q1', 'Q2', 'A']);
  });

  it('copies only the columns a command touches', () => {
    const view = applyOverlay(board, [cmd({ type: 'updateCard', cardId: q1.id, fields: { title: 'Q1 renamed' } })], ctx);
    expect(view.columns.get('lead')).toBe(board.columns.get('lead'));
    expect(titles(view, 'quote')).toEqual(['Q1 renamed', 'Q2']);
    expect(board.columns.get('quote')?.[0]?.title).toBe('Q1');
  });

  it('shows a pending new card at the end of the first column, owned by the creator', () => {
    const newId = crypto.randomUUID();
    const view = applyOverlay(board, [cmd({ type: 'createCard', card: { id: newId, title: 'New', customer: 'Acme', amount: 10 } })], ctx);
    expect(titles(view, 'lead')).toEqual(['A', 'B', 'C', 'New']);
    expect(view.cards.get(newId)).toMatchObject({ ownerId: 'sales', stage: 'lead', amount: 10, currency: 'CNY', archived: false });
    expect(view.pending.has(newId)).toBe(true);
  });

  it('does not duplicate a created card once the server copy is in the document', () => {
    const view = applyOverlay(board, [cmd({ type: 'createCard', card: { id: a.id, title: 'A', customer: 'x' } })], ctx);
    expect(titles(view, 'lead')).toEqual(['A', 'B', 'C']);
  });

  it('hides a card being archived and shows a card being restored at its rank', () => {
    const archived = applyOverlay(board, [cmd({ type: 'archiveCard', cardId: b.id })], ctx);
    expect(titles(archived, 'lead')).toEqual(['A', 'C']);
    const restored = applyOverlay(board, [cmd({ type: 'restoreCard', cardId: gone.id })], ctx);
    expect(titles(restored, 'quote')).toEqual(['Q1', 'Q2', 'Gone']);
  });

  it('applies several pending commands in order', () => {
    const view = applyOverlay(
      board,
      [
        cmd({ type: 'moveCard', cardId: a.id, toStage: 'quote', afterCardId: null, beforeCardId: q1.id }),
        cmd({ type: 'updateCard', cardId: a.id, fields: { amount: 99 } }),
        cmd({ type: 'moveCard', cardId: b.id, toStage: 'quote', afterCardId: a.id }),
      ],
      ctx,
    );
    expect(titles(view, 'quote')).toEqual(['A', 'B', 'Q1', 'Q2']);
    expect(view.cards.get(a.id)?.amount).toBe(99);
    expect([...view.pending].sort()).toEqual([a.id, b.id].sort());
  });

  it('leaves the board untouched (same objects) when nothing is pending', () => {
    const view = applyOverlay(board, [], ctx);
    expect(view.columns).toBe(board.columns);
    expect(view.pending.size).toBe(0);
  });
});

describe('isReflected', () => {
  it('knows when the document shows an acknowledged move, edit, create or archive', () => {
    const moved = base([card('A', 'quote', '0|a', { id: a.id }), q1, q2]);
    expect(isReflected(moved, cmd({ type: 'moveCard', cardId: a.id, toStage: 'quote', beforeCardId: q1.id }))).toBe(true);
    expect(isReflected(board, cmd({ type: 'moveCard', cardId: a.id, toStage: 'quote', beforeCardId: q1.id }))).toBe(false);
    expect(isReflected(board, cmd({ type: 'updateCard', cardId: a.id, fields: { title: 'A' } }))).toBe(true);
    expect(isReflected(board, cmd({ type: 'updateCard', cardId: a.id, fields: { title: 'Z' } }))).toBe(false);
    expect(isReflected(board, cmd({ type: 'createCard', card: { id: a.id, title: 'A', customer: 'x' } }))).toBe(true);
    expect(isReflected(board, cmd({ type: 'archiveCard', cardId: gone.id }))).toBe(true);
  });
});

describe('the overlay of gate-related commands', () => {
  it('applies the fields sent with a move, merging custom fields like the server (null clears)', () => {
    const withCustom = card('Custom', 'lead', '0|d', { customFields: { keep: 'x', drop: true } });
    const view = applyOverlay(base([withCustom]), [cmd({ type: 'moveCard', cardId: withCustom.id, toStage: 'needs_confirmed', fields: { contactName: 'Wang', customFields: { drop: null, sow: true } } })], ctx);
    expect(view.cards.get(withCustom.id)).toMatchObject({ stage: 'needs_confirmed', contactName: 'Wang', customFields: { keep: 'x', sow: true } });
    expect(view.cards.get(withCustom.id)?.customFields).not.toHaveProperty('drop');
  });

  it('shows a retagged or removed file at once and knows when the document has caught up', () => {
    const file = { id: crypto.randomUUID(), kind: 'other', name: 'a.pdf', contentType: 'application/pdf', size: 1, uploadedBy: 'sales', at: 1 };
    const withFile = card('Files', 'lead', '0|e', { attachments: [file] });
    const b1 = base([withFile]);
    const tag = cmd({ type: 'tagAttachment', cardId: withFile.id, attachmentId: file.id, kind: 'pain_points' });
    expect(applyOverlay(b1, [tag], ctx).cards.get(withFile.id)?.attachments[0]?.kind).toBe('pain_points');
    expect(isReflected(b1, tag)).toBe(false);
    const detach = cmd({ type: 'detachFile', cardId: withFile.id, attachmentId: file.id });
    expect(applyOverlay(b1, [detach], ctx).cards.get(withFile.id)?.attachments).toEqual([]);
    expect(isReflected(base([{ ...withFile, attachments: [] }]), detach)).toBe(true);
    expect(isReflected(base([{ ...withFile, customFields: { sow: true } }]), cmd({ type: 'updateCard', cardId: withFile.id, fields: { customFields: { sow: true } } }))).toBe(true);
  });
});
