import type { AttachmentRecord, Store } from '@baton/persistence';
import { ATTACHMENT_KIND_PATTERN, ATTACHMENT_LIMITS, canActOnCard, docRight, UUID_PATTERN, type Role, type UserId } from '@baton/shared-types';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createHash, randomUUID } from 'node:crypto';
import type { Directory } from '../boards/directory';
import type { Clock } from '../clock';
import type { CommandService } from '../commands/CommandService';
import type { ApiEnv } from './env';
import { fail, STATUS_FOR } from './errors';

export interface AttachmentRouteDeps {
  store: Store;
  directory: Directory;
  commands: CommandService;
  clock: Clock;
}

const ACCEPTED = new Set<string>(ATTACHMENT_LIMITS.contentTypes);
const MB = 1024 * 1024;

/** A file name safe to store and to put in a Content-Disposition header. */
const cleanName = (name: string) =>
  [...name]
    .map((ch) => (ch < ' ' || ch === '\u007f' || ch === '/' || ch === '\\' || ch === '"' ? '_' : ch))
    .join('')
    .trim()
    .slice(0, 200) || 'file';

/**
 * Files on cards. Upload (multipart `file` + `kind`) stores the bytes in the store and then
 * attaches them through the command path, so the same rules and events apply as everywhere.
 */
export function attachmentRoutes(deps: AttachmentRouteDeps) {
  const app = new Hono<ApiEnv>();

  app.post(
    '/:boardId/cards/:cardId/attachments',
    bodyLimit({
      maxSize: ATTACHMENT_LIMITS.maxBytes + 64 * 1024,
      onError: (c) => fail(c, 'too_large', `Files can be at most ${ATTACHMENT_LIMITS.maxBytes / MB} MB`),
    }),
    async (c) => {
      const { boardId, cardId } = c.req.param();
      const user = c.get('user');
      const role = await deps.directory.roleOn(boardId, user.id);
      if (!role) return fail(c, 'not_found', 'No such board, or you are not a member of it');
      if (!UUID_PATTERN.test(cardId)) return fail(c, 'invalid', 'Not a card id');
      const card = await deps.commands.readCard(boardId, cardId);
      if (!card) return fail(c, 'not_found', 'This card does not exist on this board');
      const allowed = canActOnCard({ userId: user.id as UserId, role: role as Role }, 'edit', card);
      const packWriter = docRight('pack', role as Role, card.ownerId === user.id) === 'write';
      if (!allowed.ok && !packWriter) return fail(c, 'forbidden', allowed.error.message);

      let form: Record<string, string | File | (string | File)[]>;
      try {
        form = await c.req.parseBody({ all: false });
      } catch {
        return fail(c, 'invalid', 'Send the file as multipart/form-data with a "file" field');
      }
      const file = form.file;
      if (!(file instanceof File)) return fail(c, 'invalid', 'Send the file as multipart/form-data with a "file" field');
      const kind = typeof form.kind === 'string' && form.kind ? form.kind : 'other';
      if (!ATTACHMENT_KIND_PATTERN.test(kind)) return fail(c, 'invalid', `'${kind.slice(0, 40)}' is not an attachment kind`);
      if (!allowed.ok && kind !== 'screenshot') return fail(c, 'forbidden', 'You can add screenshots to the pack; other files go on the card through its owner');
      if (file.size === 0) return fail(c, 'invalid', 'The file is empty');
      if (file.size > ATTACHMENT_LIMITS.maxBytes) return fail(c, 'too_large', `Files can be at most ${ATTACHMENT_LIMITS.maxBytes / MB} MB`);
      const contentType = (file.type || 'application/octet-stream').split(';')[0]!.trim().toLowerCase();
      if (!ACCEPTED.has(contentType)) {
        return c.json(
          { error: { reason: 'invalid', message: `Files of type ${contentType} are not accepted; use PDF, images, text or Office documents` } },
          415,
        );
      }

      const data = new Uint8Array(await file.arrayBuffer());
      const record: AttachmentRecord = {
        id: randomUUID(),
        boardId,
        cardId,
        kind,
        name: cleanName(file.name),
        contentType,
        size: data.byteLength,
        sha256: createHash('sha256').update(data).digest('hex'),
        uploadedBy: user.id,
        at: deps.clock.now(),
      };
      await deps.store.putAttachment(record, data);
      const answer = await deps.commands.submit({ id: randomUUID(), type: 'attachFile', cardId, attachmentId: record.id }, user.id, boardId);
      if (answer.type === 'reject') return c.json({ error: { reason: answer.reason, message: answer.message } }, STATUS_FOR[answer.reason]);
      const { boardId: _b, sha256: _s, ...ref } = record;
      return c.json({ attachment: ref }, 201);
    },
  );

  app.get('/:boardId/attachments/:attachmentId', async (c) => {
    const { boardId, attachmentId } = c.req.param();
    if (!(await deps.directory.roleOn(boardId, c.get('user').id))) return fail(c, 'not_found', 'No such board, or you are not a member of it');
    const record = UUID_PATTERN.test(attachmentId) ? await deps.store.getAttachment(attachmentId) : null;
    const data = record && record.boardId === boardId ? await deps.store.readAttachmentData(attachmentId) : null;
    if (!record || !data) return fail(c, 'not_found', 'No such file on this board');
    return c.body(data as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': record.contentType,
      'Content-Length': String(data.byteLength),
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(record.name)}`,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, max-age=31536000, immutable',
    });
  });

  return app;
}
