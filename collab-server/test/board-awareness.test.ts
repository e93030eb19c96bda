import { boardDocName, cardDocName } from '@baton/shared-types';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isBoardAwareness } from '../src/boards/frames';
import { announceFrame, statelessFrame, syncStep1Frame, updateFrame } from './support/raw';

const BOARD = boardDocName('demo');
const claim = [{ clientId: 7, clock: 1, state: { user: { name: 'CEO' } } }];

describe('the socket recognising awareness sent on a board', () => {
  it('drops a board awareness update, under the plain name or a multiplexed address', () => {
    expect(isBoardAwareness(announceFrame(BOARD, claim))).toBe(true);
    expect(isBoardAwareness(announceFrame(`${BOARD}\0tab-2`, claim))).toBe(true);
    expect(isBoardAwareness(announceFrame(BOARD, []))).toBe(true);
  });

  it("leaves a card document's awareness (the editors' carets) and every other message to Hocuspocus", () => {
    expect(isBoardAwareness(announceFrame(cardDocName('pack', 'c1'), claim))).toBe(false);
    expect(isBoardAwareness(syncStep1Frame(BOARD, new Y.Doc()))).toBe(false);
    expect(isBoardAwareness(updateFrame(BOARD, new Uint8Array([0, 0])))).toBe(false);
    expect(isBoardAwareness(statelessFrame(BOARD, '{"type":"moveCard"}'))).toBe(false);
    expect(isBoardAwareness(announceFrame('nonsense', claim))).toBe(false);
  });

  it('leaves a frame that does not decode to Hocuspocus, which refuses it as before', () => {
    expect(isBoardAwareness(new Uint8Array([]))).toBe(false);
    expect(isBoardAwareness(new Uint8Array([200]))).toBe(false);
    expect(isBoardAwareness(new Uint8Array([50, 1, 2]))).toBe(false);
    const truncated = announceFrame(BOARD, claim);
    expect(isBoardAwareness(truncated.subarray(0, BOARD.length + 1))).toBe(false);
  });
});
