import type { DocKind, Role } from '@baton/shared-types';
import type { PublicUser } from '../auth/authenticator';

/** What Baton attaches to every authenticated websocket connection. */
export interface ConnectionContext {
  user: PublicUser;
  role: Role;
  boardId: string;
  docKind: DocKind;
  /** The client learns that its commands were applied from the changes themselves (see ACKS_IN_UPDATES). */
  acksInUpdates: boolean;
}

export function connectionContext(value: unknown): ConnectionContext | null {
  const ctx = value as Partial<ConnectionContext> | null | undefined;
  return ctx && typeof ctx.user === 'object' && ctx.user !== null && typeof ctx.boardId === 'string' ? (ctx as ConnectionContext) : null;
}
