/** Event types recorded for every accepted change; reports are computed from these. */
export const EVENT_TYPES = {
  cardCreated: 'card.created',
  cardUpdated: 'card.updated',
  cardMoved: 'card.moved',
  cardReordered: 'card.reordered',
  cardArchived: 'card.archived',
  cardRestored: 'card.restored',
  attachmentAdded: 'attachment.added',
  attachmentTagged: 'attachment.tagged',
  attachmentRemoved: 'attachment.removed',
  stageAdded: 'stage.added',
  stageUpdated: 'stage.updated',
  stageMoved: 'stage.moved',
  stageRetired: 'stage.retired',
  packCreated: 'pack.created',
  packSubmitted: 'pack.submitted',
  packReviewed: 'pack.reviewed',
  requirementColored: 'requirement.colored',
  planPosted: 'plan.posted',
  slaUpdated: 'sla.updated',
  slaAlert: 'sla.alert',
  standupStarted: 'standup.started',
  standupStep: 'standup.step',
  standupNote: 'standup.note',
} as const;
export type EventType = (typeof EVENT_TYPES)[keyof typeof EVENT_TYPES];

/** An event as the API returns it (`GET /api/boards/:id/cards/:cardId/events`). */
export interface BoardEvent {
  id: number;
  cardId: string | null;
  type: EventType | string;
  actor: string;
  at: number;
  data: Record<string, unknown>;
}
