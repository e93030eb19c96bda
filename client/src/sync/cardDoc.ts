import { cardDocName, parseServerMessage } from '@baton/shared-types';
import { HocuspocusProvider } from '@hocuspocus/provider';
import type { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { ValueStore } from '../lib/valueStore';
import { hasContent, openDocCache } from './docCache';
import { docChangesFor, type DocChanges, type DocDropReason } from './docChanges';
import { readSyncStatus } from './docFrames';
import { readCachedEpoch, readCachedScope, writeCachedEpoch, writeCachedScope } from './epochStore';
import { probeEpoch } from './epochProbe';
import type { Network } from './network';
import { watchPeople, type DocPerson } from './docPeople';

export type { DocPerson } from './docPeople';
export type CardDocKind = 'pack' | 'review' | 'plan';
/** What the server granted this connection: only `read-write` connections' updates are kept. */
export type DocScope = 'read-write' | 'readonly';

export interface CardDocState {
  /** How the server lets this user use the document: its word on this connection, else what it said last time on this device. Null until known. */
  scope: DocScope | null;
  /** The document has been received from the server at least once. */
  synced: boolean;
  /** The content is here, from this device's offline copy or from the server: it can be shown (and edited offline). */
  loaded: boolean;
  /** Connected and authenticated right now. */
  live: boolean;
  /** Local updates the server has not acknowledged yet. */
  unsynced: number;
  /** Why the server refused the document (e.g. `not-a-member`, `unknown-document`). */
  authError: string | null;
}

export interface CardDocOptions {
  kind: CardDocKind;
  cardId: string;
  token: string;
  userId: string;
  network: Network;
  /** Open the offline copy first (false right after it was thrown away). */
  useCache: boolean;
  /** Resolves when the previous offline copy has been deleted (a reload after a discard). */
  after?: Promise<void>;
  /** The local copy must be thrown away and the document loaded again from the server. */
  onDiscard(conn: CardDocConnection, reason: DocDropReason, detail?: string): void;
}

/** Refusals after which edits can never be sent, so they are dropped with a notice. */
const FINAL_REFUSALS = new Set(['not-a-member', 'unknown-document']);

/** Before re-checking the epoch after the server closed a document on an open socket. */
const RECONNECT_DELAY_MS = 1000;

/**
 * One handoff document of a card (`pack:`, `review:` or `plan:` + card id): its Y.Doc, its
 * offline copy in IndexedDB (shown first) and a provider on the app's one websocket. Rich text
 * is edited directly in the Y.Doc; the server decides who may write (`scope`).
 *
 * Every connection goes: offline copy -> epoch check (a cached copy from another epoch is
 * thrown away, never merged) -> provider attached -> edits made offline merge. A read-only
 * connection whose copy holds changes the server will not take is thrown away too (with a
 * notice if the user made them), instead of waiting and resending forever.
 */
export class CardDocConnection {
  readonly doc = new Y.Doc();
  readonly provider: HocuspocusProvider;
  readonly state: ValueStore<CardDocState>;
  readonly name: string;
  readonly cacheName: string;
  /** Who has this document open right now, one entry per person. */
  readonly people = new ValueStore<readonly DocPerson[]>([]);
  private readonly changes: DocChanges;
  private cache: IndexeddbPersistence | null = null;
  private knownEpoch: string | null = null;
  private ready = false;
  private attached = false;
  private cancelProbe: (() => void) | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private destroyed = false;
  private readonly cleanup: Array<() => void> = [];

  constructor(readonly options: CardDocOptions) {
    this.name = cardDocName(options.kind, options.cardId);
    this.cacheName = `baton:${options.userId}:${this.name}`;
    this.changes = docChangesFor(options.userId);
    this.state = new ValueStore<CardDocState>({ scope: readCachedScope(this.cacheName), synced: false, loaded: false, live: false, unsynced: 0, authError: null });
    this.provider = new HocuspocusProvider({
      name: this.name,
      document: this.doc,
      token: options.token,
      websocketProvider: options.network.socket,
      // Each provider gets its own address (name + session id) on the shared socket, so a
      // provider re-opened for the same document never mistakes the old one's close echo for its own.
      sessionAwareness: true,
    });
    this.listen();
    this.cleanup.push(
      watchPeople(this.provider, this.people),
      // Leave while the socket is still open, so no goodbye is left queued for the next connection.
      options.network.onGoingOffline(() => this.connectionLost()),
      // Offline, nothing is attached to the socket; back online, the epoch check and the connection start.
      options.network.state.subscribe(() => this.connect()),
    );
    void this.open();
  }

  /** Who is in the document and where their cursor is (the editor's carets). */
  get awareness(): NonNullable<HocuspocusProvider['awareness']> {
    const awareness = this.provider.awareness;
    if (!awareness) throw new Error('card documents always have awareness');
    return awareness;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    clearTimeout(this.retryTimer);
    this.cancelProbe?.();
    for (const fn of this.cleanup) fn();
    this.provider.destroy();
    void this.cache?.destroy();
    this.doc.destroy();
  }

  private set(patch: Partial<CardDocState>): void {
    this.state.update((s) => ({ ...s, ...patch }));
  }

  private listen(): void {
    const { provider } = this;
    provider.on('authenticated', ({ scope }: { scope: string }) => {
      const granted: DocScope = scope === 'read-write' ? 'read-write' : 'readonly';
      writeCachedScope(this.cacheName, granted);
      this.set({ scope: granted, live: true, authError: null });
      this.checkClean();
    });
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => this.refused(reason || 'permission-denied'));
    provider.on('synced', () => {
      this.set({ synced: true, loaded: true });
      this.checkClean();
    });
    provider.on('unsyncedChanges', ({ number }: { number: number }) => {
      this.set({ unsynced: number });
      this.checkClean();
    });
    provider.on('stateless', ({ payload }: { payload: string }) => {
      const message = parseServerMessage(payload);
      if (message?.type === 'hello') this.onEpoch(message.epoch);
    });
    provider.on('message', ({ event }: { event: MessageEvent }) => {
      // The server did not apply what this (read-only) connection sent: drop the local copy.
      if (readSyncStatus(event.data) === false) this.discard('readonly');
    });
    const lost = () => this.connectionLost();
    provider.on('close', lost);
    provider.on('disconnect', lost);
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin === this.provider || (this.cache !== null && origin === this.cache)) return;
      // An edit made here. A read-only reader's edits are never sent, so never counted as waiting.
      if (this.state.get().scope === 'readonly') return;
      this.changes.mark({ name: this.name, kind: this.options.kind, cardId: this.options.cardId });
    };
    this.doc.on('update', onUpdate);
    this.cleanup.push(() => this.doc.off('update', onUpdate));
  }

  /** Offline copy first; then the connection (after the epoch check when a copy was found). */
  private async open(): Promise<void> {
    await this.options.after;
    if (this.destroyed) return;
    // After a discard the old copy is gone (`after`): the new one starts empty and fills from the server.
    this.cache = await openDocCache(this.cacheName, this.doc, (cache) => (this.cache = cache));
    if (this.destroyed) return;
    if (this.options.useCache && hasContent(this.doc)) {
      this.knownEpoch = readCachedEpoch(this.cacheName);
      this.set({ loaded: true });
    }
    this.ready = true;
    this.connect();
  }

  private connect(): void {
    if (this.destroyed || !this.ready || this.attached || this.cancelProbe || !this.options.network.state.get().online) return;
    if (this.knownEpoch === null) {
      this.attach();
      return;
    }
    const probe = probeEpoch(this.name, this.options.token, this.options.network.socket);
    this.cancelProbe = probe.cancel;
    void probe.result.then((result) => {
      this.cancelProbe = null;
      if (this.destroyed) return;
      if (result.type === 'refused') this.refused(result.reason);
      else if (result.type === 'epoch' && result.epoch !== this.knownEpoch) this.epochChanged(result.epoch);
      else this.attach();
    });
  }

  private attach(): void {
    this.attached = true;
    // A fresh address: frames the old one left queued on the socket cannot close this one.
    this.provider.sessionId = Math.random().toString(36).slice(2);
    this.provider.attach();
  }

  /** The socket (or the server) closed this document: the next connection goes through the epoch check again. */
  private connectionLost(): void {
    if (this.state.get().live) this.set({ live: false });
    if (!this.attached || this.destroyed || this.knownEpoch === null) return;
    this.attached = false;
    this.provider.detach();
    clearTimeout(this.retryTimer);
    // Offline: the epoch check starts when the browser is back online. Socket still up (the server closed only this document): a moment later.
    const socketUp = this.options.network.state.get().online && this.options.network.state.get().socket === 'connected';
    if (socketUp) this.retryTimer = setTimeout(() => this.connect(), RECONNECT_DELAY_MS);
    else this.connect();
  }

  private onEpoch(epoch: string): void {
    if (this.knownEpoch !== null && this.knownEpoch !== epoch) {
      this.epochChanged(epoch);
      return;
    }
    this.knownEpoch = epoch;
    writeCachedEpoch(this.cacheName, epoch);
  }

  private epochChanged(epoch: string): void {
    console.info(`Baton: ${this.name} was reset on the server (epoch ${this.knownEpoch} -> ${epoch}); reloading it.`);
    this.discard('epoch');
  }

  private refused(reason: string): void {
    this.set({ live: false, authError: reason });
    // A lost membership or a deleted card is final; an expired token is not (the edits wait for the next sign-in).
    if (FINAL_REFUSALS.has(reason) && this.changes.has(this.name)) this.discard('refused', reason);
  }

  /** Asks the registry to replace this connection, outside the provider's event being handled. */
  private discard(reason: DocDropReason, detail?: string): void {
    queueMicrotask(() => {
      if (!this.destroyed) this.options.onDiscard(this, reason, detail);
    });
  }

  /** Everything this copy holds has reached the server: nothing of it is waiting any more. */
  private checkClean(): void {
    const { unsynced } = this.state.get();
    if (unsynced === 0 && this.provider.isAuthenticated && this.provider.isSynced) this.changes.clear(this.name);
  }
}
