import { describe, expect, it } from 'vitest';
import type { AttachmentRecord } from '../../Store';
import type { SuiteContext } from '../fixtures';

let counter = 0;
const record = (over: Partial<AttachmentRecord> = {}, size = 3): AttachmentRecord => ({
  id: `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`,
  boardId: 'demo',
  cardId: 'card-1',
  kind: 'pain_points',
  name: 'pains.txt',
  contentType: 'text/plain',
  size,
  sha256: 'ab'.repeat(32),
  uploadedBy: 'sales',
  at: 1000 + counter,
  ...over,
});

export function describeAttachments(ctx: SuiteContext): void {
  describe('attachments', () => {
    it('an uploaded file reads back byte for byte, also after a reopen', async () => {
      const bytes = new Uint8Array([0, 255, 7, 1, 2]);
      const rec = record({ name: '图.png', contentType: 'image/png' }, bytes.byteLength);
      await ctx.store.putAttachment(rec, bytes);
      const store = await ctx.reopen();
      expect(await store.getAttachment(rec.id)).toEqual(rec);
      expect(Array.from((await store.readAttachmentData(rec.id)) ?? [])).toEqual([0, 255, 7, 1, 2]);
    });

    it('unknown attachments are null, not errors', async () => {
      expect(await ctx.store.getAttachment('00000000-0000-4000-8000-999999999999')).toBeNull();
      expect(await ctx.store.readAttachmentData('00000000-0000-4000-8000-999999999999')).toBeNull();
    });

    it('a card lists its own attachments oldest first', async () => {
      const first = record({ at: 10 });
      const second = record({ at: 20, kind: 'other' });
      await ctx.store.putAttachment(second, new Uint8Array(3));
      await ctx.store.putAttachment(first, new Uint8Array(3));
      await ctx.store.putAttachment(record({ cardId: 'card-2' }), new Uint8Array(3));
      const listed = await ctx.store.listAttachments('demo', 'card-1');
      expect(listed.map((a) => [a.id, a.kind])).toEqual([
        [first.id, 'pain_points'],
        [second.id, 'other'],
      ]);
    });

    it('an attachment id is stored once; a second put with the same id fails and keeps the first', async () => {
      const rec = record();
      await ctx.store.putAttachment(rec, new Uint8Array([1, 2, 3]));
      await expect(ctx.store.putAttachment({ ...rec, name: 'other.txt' }, new Uint8Array([4, 5, 6]))).rejects.toThrow();
      expect((await ctx.store.getAttachment(rec.id))?.name).toBe('pains.txt');
      expect(Array.from((await ctx.store.readAttachmentData(rec.id)) ?? [])).toEqual([1, 2, 3]);
    });
  });
}
