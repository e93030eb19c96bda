import { canActOnCard, docRight, EVENT_TYPES, ok, refuse, type AttachmentRef, type Command, type Result } from '@baton/shared-types';
import type { Decision, DecisionContext } from './context';

type AttachmentCommand = Extract<Command, { type: 'attachFile' | 'tagAttachment' | 'detachFile' }>;

/** Files on cards: attach an upload of one's own, retag it, or take it off the card. */
export function decideAttachment(cmd: AttachmentCommand, ctx: DecisionContext): Result<Decision> {
  const card = ctx.getCard(cmd.cardId);
  if (!card) return refuse('not_found', 'This card does not exist on this board');
  const allowed = canActOnCard(ctx.actor, 'edit', card);
  // Pack writers (product, delivery) may add screenshots they show in the pack.
  const packScreenshot =
    cmd.type === 'attachFile' && ctx.getUpload(cmd.attachmentId)?.kind === 'screenshot' && docRight('pack', ctx.actor.role, card.ownerId === ctx.actor.userId) === 'write';
  if (!allowed.ok && !packScreenshot) return allowed;
  if (card.archived) return refuse('conflict', 'This card is archived; restore it first');
  const onCard = card.attachments.find((a) => a.id === cmd.attachmentId);
  const set = (attachments: AttachmentRef[], type: string, data: Record<string, unknown>): Result<Decision> =>
    ok({
      effects: [{ op: 'setFields', cardId: card.id, fields: { attachments, updatedAt: ctx.now, lastActivityAt: ctx.now } }],
      events: [{ cardId: card.id, type, data }],
      result: { attachmentId: cmd.attachmentId },
    });

  switch (cmd.type) {
    case 'attachFile': {
      if (onCard) return ok({ effects: [], events: [], result: { attachmentId: cmd.attachmentId } });
      const upload = ctx.getUpload(cmd.attachmentId);
      if (!upload || upload.cardId !== card.id) return refuse('not_found', 'No such upload for this card');
      if (upload.uploadedBy !== ctx.actor.userId) return refuse('forbidden', 'You can attach only files you uploaded');
      const ref: AttachmentRef = {
        id: upload.id,
        kind: upload.kind,
        name: upload.name,
        contentType: upload.contentType,
        size: upload.size,
        uploadedBy: upload.uploadedBy,
        at: upload.at,
      };
      return set([...card.attachments, ref], EVENT_TYPES.attachmentAdded, { attachment: ref });
    }
    case 'tagAttachment': {
      if (!onCard) return refuse('not_found', 'This file is not on the card');
      if (onCard.kind === cmd.kind) return ok({ effects: [], events: [] });
      return set(
        card.attachments.map((a) => (a.id === cmd.attachmentId ? { ...a, kind: cmd.kind } : a)),
        EVENT_TYPES.attachmentTagged,
        { attachmentId: cmd.attachmentId, name: onCard.name, from: onCard.kind, to: cmd.kind },
      );
    }
    case 'detachFile': {
      if (!onCard) return ok({ effects: [], events: [] });
      return set(
        card.attachments.filter((a) => a.id !== cmd.attachmentId),
        EVENT_TYPES.attachmentRemoved,
        { attachmentId: cmd.attachmentId, name: onCard.name, kind: onCard.kind },
      );
    }
  }
}
