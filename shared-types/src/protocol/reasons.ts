/** Why the server refused a command. The UI switches on these codes. */
export const REJECT_REASONS = [
  'invalid', // malformed input, unknown command, wrong field types
  'forbidden', // the actor's role or ownership does not allow it
  'not_found', // the card / stage / user does not exist on this board
  'gate_failed', // a stage gate is not satisfied; details.missing lists what is needed
  'conflict', // the command cannot apply to the current state (e.g. archived card)
  'too_large', // message over the size limit
  'unauthenticated', // no valid session
  'internal', // a bug on our side; the command was not applied and may be retried
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** Websocket close codes Baton uses in addition to Hocuspocus's own (4401, 4403, 4205...). */
export const CLOSE_CODES = {
  messageTooBig: 1009,
  unauthorized: 4401,
  forbidden: 4403,
} as const;
