import type { Role } from '../model/roles';
import type { RejectReason } from './reasons';

/**
 * A board connection opened with `?acks=update` (the websocket URL's query) is not sent an
 * `ack` for a command whose change it receives: the change itself carries the command's id
 * (each card it writes holds it as `_cmd`, see the board layout), and arrives with the first
 * broadcast that holds it. Rejections, and acks of commands whose change no card carries, are
 * still sent. One frame per accepted command instead of two, and a client that sees its card
 * change knows at once that its command was applied.
 */
export const ACKS_IN_UPDATES = { param: 'acks', value: 'update' } as const;

/** The websocket URL of a client that reads its acks from the changes (see ACKS_IN_UPDATES). */
export const withAcksInUpdates = (url: string): string => `${url}${url.includes('?') ? '&' : '?'}${ACKS_IN_UPDATES.param}=${ACKS_IN_UPDATES.value}`;

/** The answer to one command, sent to the connection that sent it. */
export type CommandAnswer =
  | { type: 'ack'; id: string; result?: Record<string, unknown> }
  | { type: 'reject'; id: string | null; reason: RejectReason; message: string; details?: Record<string, unknown> };

export interface PresenceUser {
  userId: string;
  displayName: string;
  role: Role;
  color: string;
  /** How many tabs/devices of this user are connected. */
  connections: number;
}

/** Everything the server sends on a document's stateless channel. */
export type ServerMessage =
  | CommandAnswer
  /** Sent once a connection to a document is established. */
  | { type: 'hello'; docName: string; epoch: string; serverTime: number; user: { id: string; displayName: string; role: Role } }
  /** Who is on the board, from authenticated connections only. */
  | { type: 'presence'; users: PresenceUser[] }
  /** A new notification for the user of this connection (an SLA alert). */
  | { type: 'notification'; notification: NotificationMessage }
  /** The server's clock moved (fake clock in tests and demos); timers re-sync to it. */
  | { type: 'clock'; serverTime: number };

export interface NotificationMessage {
  id: number;
  type: string;
  boardId: string;
  cardId: string | null;
  at: number;
  read: boolean;
  data: Record<string, unknown>;
}

/** Parses a stateless payload from the server; null for anything unexpected. */
export function parseServerMessage(payload: string): ServerMessage | null {
  try {
    const value: unknown = JSON.parse(payload);
    if (typeof value !== 'object' || value === null || !('type' in value)) return null;
    const type = (value as { type: unknown }).type;
    if (type === 'ack' || type === 'reject' || type === 'hello' || type === 'presence' || type === 'notification' || type === 'clock') {
      return value as ServerMessage;
    }
    return null;
  } catch {
    return null;
  }
}
