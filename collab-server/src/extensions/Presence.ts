import { parseDocName, userColor, type PresenceUser, type ServerMessage } from '@baton/shared-types';
import { readMeta } from '@baton/shared-types/ydoc';
import type {
  beforeHandleAwarenessPayload,
  connectedPayload,
  Document,
  Extension,
  onDisconnectPayload,
} from '@hocuspocus/server';
import type { Clock } from '../clock';
import type { DocumentRegistry } from '../boards/DocumentRegistry';
import { connectionContext } from './context';

/** Whether another person's connection announced this awareness client id (a reconnecting tab of the same person may take it over). */
function ownedByAnother(document: Document, connection: unknown, userId: string, clientId: number): boolean {
  for (const [other, entry] of document.connections) {
    if (other !== connection && entry.clients.has(clientId) && connectionContext(other.context)?.user.id !== userId) return true;
  }
  return false;
}

/**
 * Who is on a board, from authenticated connections only: the server sends the list on
 * every join and leave. Board documents carry no awareness at all (ADR 0009): nothing on a
 * board reads it, so a state announced there is dropped on arrival and goes to no one.
 * On card documents (carets in the handoff pack and plan), the `user` field of every awareness
 * state is rewritten to the authenticated identity, so nobody can appear under someone else's
 * name; awareness entries announced by another person's connection are dropped, so nobody can
 * overwrite someone else's entry.
 */
export class Presence implements Extension {
  readonly extensionName = 'baton-presence';

  constructor(
    private readonly clock: Clock,
    private readonly documents: DocumentRegistry,
  ) {}

  async connected({ connection, documentName }: connectedPayload): Promise<void> {
    const ctx = connectionContext(connection.context);
    if (!ctx) return;
    const hello: ServerMessage = {
      type: 'hello',
      docName: documentName,
      epoch: this.documents.epochOf(documentName) ?? readMeta(connection.document).epoch ?? '',
      serverTime: this.clock.now(),
      user: { id: ctx.user.id, displayName: ctx.user.displayName, role: ctx.role },
    };
    connection.sendStateless(JSON.stringify(hello));
    this.broadcast(connection.document);
  }

  async onDisconnect({ document }: onDisconnectPayload): Promise<void> {
    this.broadcast(document);
  }

  async beforeHandleAwareness({ states, connection, document }: beforeHandleAwarenessPayload): Promise<void> {
    if (parseDocName(document.name)?.kind === 'board') {
      // The socket drops a client's (isBoardAwareness); this catches awareness relayed by another
      // process over Redis, which Hocuspocus hands to this hook as well.
      // An empty update changes nothing, so Hocuspocus has nothing to send on.
      states.clear();
      return;
    }
    const ctx = connectionContext(connection?.context);
    if (!ctx) return;
    const identity = { id: ctx.user.id, name: ctx.user.displayName, color: userColor(ctx.user.id), role: ctx.role };
    for (const [clientId, state] of states) {
      // An awareness client id already announced by someone else's connection is not this one's to
      // overwrite (it would replace that person's entry everywhere, even in their own provider).
      if (ownedByAnother(document, connection, ctx.user.id, clientId)) states.delete(clientId);
      else if (state && typeof state === 'object') state.user = identity;
    }
  }

  private broadcast(document: Document): void {
    const users = new Map<string, PresenceUser>();
    for (const connection of document.getConnections()) {
      const ctx = connectionContext(connection.context);
      if (!ctx) continue;
      const existing = users.get(ctx.user.id);
      if (existing) existing.connections++;
      else {
        users.set(ctx.user.id, {
          userId: ctx.user.id,
          displayName: ctx.user.displayName,
          role: ctx.role,
          color: userColor(ctx.user.id),
          connections: 1,
        });
      }
    }
    const message: ServerMessage = { type: 'presence', users: [...users.values()] };
    // This process's connections only: relayed locally, not published to other processes.
    document.relayStateless(JSON.stringify(message));
  }
}
