import { describe, expect, it } from 'vitest';
import { columnDroppableId, dropTarget, menuTarget, moveId, previewOver, settleDrop, type ColumnIds } from '../src/features/board/dropPosition';

const cols: ColumnIds = { lead: ['a', 'b', 'c'], quote: ['x', 'y'], signed: [] };

describe('drop position', () => {
  it('names the card above and below the drop position in the target column', () => {
    const final = moveId(cols, 'a', 'quote', 1);
    expect(final.quote).toEqual(['x', 'a', 'y']);
    expect(dropTarget(cols, final, 'a')).toEqual({ toStage: 'quote', afterCardId: 'x', beforeCardId: 'y' });
  });

  it('uses null above at the top of a column and null below at the end', () => {
    expect(dropTarget(cols, moveId(cols, 'c', 'quote', 0), 'c')).toEqual({ toStage: 'quote', afterCardId: null, beforeCardId: 'x' });
    expect(dropTarget(cols, moveId(cols, 'c', 'quote', 2), 'c')).toEqual({ toStage: 'quote', afterCardId: 'y', beforeCardId: null });
    expect(dropTarget(cols, moveId(cols, 'c', 'signed', 0), 'c')).toEqual({ toStage: 'signed', afterCardId: null, beforeCardId: null });
  });

  it('sends nothing when the card is dropped where it started', () => {
    expect(dropTarget(cols, cols, 'b')).toBeNull();
    expect(dropTarget(cols, settleDrop(cols, 'b', 'b'), 'b')).toBeNull();
    expect(dropTarget(cols, settleDrop(cols, 'b', columnDroppableId('lead')), 'b')).toBeNull();
  });

  it('reorders within a column by taking the place of the card it is over', () => {
    const down = settleDrop(cols, 'a', 'c');
    expect(down.lead).toEqual(['b', 'c', 'a']);
    expect(dropTarget(cols, down, 'a')).toEqual({ toStage: 'lead', afterCardId: 'c', beforeCardId: null });
    const up = settleDrop(cols, 'c', 'a');
    expect(dropTarget(cols, up, 'c')).toEqual({ toStage: 'lead', afterCardId: null, beforeCardId: 'a' });
  });

  it('previews a card entering another column above or below the card it is over, or at the end of an empty column', () => {
    expect(previewOver(cols, 'a', 'y', false)?.quote).toEqual(['x', 'a', 'y']);
    expect(previewOver(cols, 'a', 'y', true)?.quote).toEqual(['x', 'y', 'a']);
    expect(previewOver(cols, 'a', columnDroppableId('signed'), false)?.signed).toEqual(['a']);
    expect(previewOver(cols, 'a', 'b', false)).toBeNull();
  });

  it('leaves untouched columns as they were', () => {
    const next = moveId(cols, 'a', 'quote', 0);
    expect(next.signed).toBe(cols.signed);
  });

  it('computes the Move to… menu targets: up, down and the top of another column', () => {
    expect(menuTarget(cols, 'b', 'up')).toEqual({ toStage: 'lead', afterCardId: null, beforeCardId: 'a' });
    expect(menuTarget(cols, 'b', 'down')).toEqual({ toStage: 'lead', afterCardId: 'c', beforeCardId: null });
    expect(menuTarget(cols, 'a', 'up')).toBeNull();
    expect(menuTarget(cols, 'c', 'down')).toBeNull();
    expect(menuTarget(cols, 'a', { toStage: 'quote' })).toEqual({ toStage: 'quote', afterCardId: null, beforeCardId: 'x' });
    expect(menuTarget(cols, 'a', { toStage: 'lead' })).toBeNull();
  });
});
