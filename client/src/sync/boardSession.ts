import { boardDocName, parseServerMessage, type Command, type CommandInput, type PresenceUser, type Role, type ServerMessage } from '@baton/shared-types';
import { cardCommandId, cardsMap, readMeta } from '@baton/shared-types/ydoc';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { clearDocument, IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { uuid } from '../lib/uuid';
import { AnswerWaiters, type OutcomeHandler } from './answers';
import { BoardIndex } from '@baton/shared-types/ydoc';
import { BoardStore } from './boardStore';
import { CommandChannel, type CommandRejection } from './commandChannel';
import { hasContent, holdCacheWrites, type FirstVisitCache } from './docCache';
import { readCachedEpoch, writeCachedEpoch } from './epochStore';
import type { Network } from './network';
import { ValueStore } from '../lib/valueStore';
import type { Outbox } from './outbox';
import { MemoryOutboxStore, type OutboxStore } from './outboxStore';
import { PersistentOutbox } from './persistentOutbox';
import { RejectionLog, type RejectedChange } from './rejectionLog';
import { commandCardId } from './overlay';

export interface SessionState {
  authenticated: boolean;
  /** Why the server refused the session, e.g. an expired token. */
  authError: string | null;
  /** Server clock minus local clock, from `hello` (keeps "days in stage" right under a fake clock). */
  clockSkewMs: number;
  /** The user's role on this board as the server sees it. */
  role: Role | null;
}

export type { RejectedChange } from './rejectionLog';

export interface BoardSessionOptions {
  boardId: string;
  token: string;
  userId: string;
  network: Network;
  /** Where the outbox and the "changes not applied" list are kept (IndexedDB in the app; memory by default). */
  outboxStore?: OutboxStore;
}

const CACHE_WAIT_MS = 1500;
/** A slow outbox read does not hold the board back; its commands join the overlay when they arrive. */
const OUTBOX_WAIT_MS = 3000;

/**
 * One open board: its Y.Doc (cached in IndexedDB), its provider on the shared socket,
 * the command outbox and the stores the UI reads. The only writer of the board is the
 * server; the client changes it by sending commands.
 */
export class BoardSession {
  readonly store: BoardStore;
  readonly outbox: Outbox;
  readonly presence = new ValueStore<readonly PresenceUser[]>([]);
  readonly state = new ValueStore<SessionState>({ authenticated: false, authError: null, clockSkewMs: 0, role: null });
  /** The "changes not applied" list, newest first (kept on this device until dismissed). */
  readonly rejections: ValueStore<readonly RejectedChange[]>;
  private readonly outboxStore: OutboxStore;
  private readonly persistentOutbox: PersistentOutbox;
  private readonly rejectionLog: RejectionLog;
  /** The open board document (replaced after an epoch reset), for readers of parts the store does not index (settings). */
  readonly currentDoc = new ValueStore<Y.Doc | null>(null);
  private readonly messageListeners = new Set<(message: ServerMessage) => void>();
  private readonly rejectionListeners = new Set<(r: RejectedChange) => void>();
  private readonly waiters = new AnswerWaiters();
  private readonly channel: CommandChannel;
  private readonly docName: string;
  private readonly cacheName: string;
  private doc: Y.Doc | null = null;
  private cache: IndexeddbPersistence | null = null;
  private provider: HocuspocusProvider | null = null;
  private index: BoardIndex | null = null;
  /** Set while a first visit waits for the server's copy (see holdCacheWrites). */
  private firstVisit: FirstVisitCache | null = null;
  private stopWatchingApplied: (() => void) | null = null;
  private cachedEpoch: string | null = null;
  private destroyed = false;

  constructor(private readonly options: BoardSessionOptions) {
    this.docName = boardDocName(options.boardId);
    this.cacheName = `baton:${options.userId}:${this.docName}`;
    this.outboxStore = options.outboxStore ?? new MemoryOutboxStore();
    this.persistentOutbox = new PersistentOutbox(this.outboxStore);
    this.outbox = this.persistentOutbox;
    this.rejectionLog = new RejectionLog(this.outboxStore);
    this.rejections = this.rejectionLog.entries;
    this.store = new BoardStore(this.outbox, options.userId);
    this.channel = new CommandChannel(
      this.outbox,
      { canSend: () => this.canSend(), send: (payload) => this.provider?.sendStateless(payload) },
      {
        onAck: ({ command }, result) => {
          this.store.settle(command);
          this.waiters.deliver(command.id, { type: 'ack', result });
        },
        onReject: (rejection) => this.reportRejection(rejection),
      },
    );
  }

  /**
   * Opens the cached copy, then connects. Resolves once the cache and the outbox kept on this
   * device have been read (or given up on), so changes made offline show at once.
   */
  async start(): Promise<void> {
    const outboxRead = Promise.race([this.restoreOutbox(), new Promise<void>((resolve) => setTimeout(resolve, OUTBOX_WAIT_MS))]);
    await Promise.all([this.openDoc(true), outboxRead]);
  }

  /** The signed-in user this session (and its offline copies) belongs to. */
  get userId(): string {
    return this.options.userId;
  }

  /** Queues a command (with a fresh id) and sends it when the connection allows. Returns the command. */
  submit(input: CommandInput): Command {
    const command = { ...input, id: uuid() } as Command;
    this.channel.submit(command);
    return command;
  }

  /**
   * Queues a command and calls `onAnswer` with the server's answer (also when it arrives after
   * a reconnect). Returns the command and a function that stops waiting (e.g. a closed dialog).
   */
  submitAndWait(input: CommandInput, onAnswer: OutcomeHandler): { command: Command; stopWaiting: () => void } {
    const command = { ...input, id: uuid() } as Command;
    const stopWaiting = this.waiters.wait(command.id, onAnswer);
    this.channel.submit(command);
    return { command, stopWaiting };
  }

  /** True while commands go out at once (connected and authenticated), false while they wait. */
  isLive(): boolean {
    return this.canSend();
  }

  /**
   * A change the client refused before sending it (a stage gate the card does not meet):
   * reported exactly like a server rejection, so the user sees it in the same places.
   */
  reportLocalRefusal(input: CommandInput, refusal: { reason: CommandRejection['reason']; message: string; details?: Record<string, unknown> }): void {
    const command = { ...input, id: uuid() } as Command;
    this.reportRejection(refusal.details ? { command, ...refusal } : { command, reason: refusal.reason, message: refusal.message });
  }

  /** Every stateless message from the server (e.g. `clock`, `notification`), after the session's own handling. */
  onServerMessage(listener: (message: ServerMessage) => void): () => void {
    this.messageListeners.add(listener);
    return () => {
      this.messageListeners.delete(listener);
    };
  }

  onRejection(listener: (r: RejectedChange) => void): () => void {
    this.rejectionListeners.add(listener);
    return () => {
      this.rejectionListeners.delete(listener);
    };
  }

  dismissRejection(rejection: RejectedChange | 'all'): void {
    this.rejectionLog.dismiss(rejection);
  }

  destroy(): void {
    this.destroyed = true;
    this.closeDoc();
    this.store.destroy();
    this.outboxStore.close();
  }

  /** Commands and refusals kept from earlier visits: shown at once, sent after authentication. */
  private async restoreOutbox(): Promise<void> {
    try {
      const kept = await this.outboxStore.load();
      if (this.destroyed) return;
      this.persistentOutbox.restore(kept.pending);
      this.rejectionLog.restore(kept.rejected);
      this.channel.flush();
    } catch (error) {
      console.warn('Baton: could not read the outbox kept on this device:', error);
    }
  }

  private canSend(): boolean {
    const net = this.options.network.state.get();
    return !!this.provider && this.provider.isAuthenticated && net.online && net.socket === 'connected';
  }

  private async openDoc(useCache: boolean): Promise<void> {
    const doc = new Y.Doc();
    this.doc = doc;
    const cache = new IndexeddbPersistence(this.cacheName, doc);
    this.cache = cache;
    if (useCache) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([cache.whenSynced, new Promise((resolve) => (timer = setTimeout(resolve, CACHE_WAIT_MS)))]);
      clearTimeout(timer);
      if (this.destroyed || this.doc !== doc) return;
      this.cachedEpoch = readCachedEpoch(this.cacheName) ?? readMeta(doc).epoch;
    } else {
      this.cachedEpoch = null;
    }
    this.firstVisit = hasContent(doc) ? null : holdCacheWrites(cache, doc);
    this.index = new BoardIndex(doc, (base) => this.store.setBase(base));
    this.stopWatchingApplied = this.watchApplied(doc);
    this.currentDoc.set(doc);
    // An empty cache (first visit) keeps the loading state until the server has answered.
    this.store.setBase(this.index.current);
    this.connect(doc);
  }

  /**
   * A card that changes carrying the id of a command still in the outbox answers it: the
   * server applied it (also when the change comes from the cache of an earlier visit whose
   * answer never arrived). See ACKS_IN_UPDATES.
   */
  private watchApplied(doc: Y.Doc): () => void {
    const cards = cardsMap(doc);
    const onCards = (event: Y.YMapEvent<unknown>) => {
      if (this.outbox.list().length === 0) return;
      const ids: string[] = [];
      for (const key of event.keysChanged) {
        const id = cardCommandId(cards.get(key));
        if (id) ids.push(id);
      }
      if (ids.length > 0) this.channel.seenApplied(ids);
    };
    cards.observe(onCards);
    return () => cards.unobserve(onCards);
  }

  private connect(doc: Y.Doc): void {
    const provider = new HocuspocusProvider({
      name: this.docName,
      document: doc,
      token: this.options.token,
      websocketProvider: this.options.network.socket,
      // Each provider gets its own address (name + session id) on the shared socket, so a
      // provider re-opened for the same document never mistakes the old one's close echo for its own.
      sessionAwareness: true,
      // Who is on the board comes from the server's `presence` list; board documents carry no
      // awareness (ADR 0009), so the provider neither keeps nor renews a state of its own.
      awareness: null,
    });
    this.provider = provider;
    // Only the server writes the board: the provider never has a change of ours to send, and
    // its `update` listener would only make Yjs encode every change from the server once more.
    doc.off('update', provider.boundDocumentUpdateHandler);
    provider.on('message', ({ event }: { event: MessageEvent }) => this.firstVisit?.capture(event.data));
    provider.on('stateless', ({ payload }: { payload: string }) => this.onStateless(payload));
    provider.on('authenticated', () => {
      this.state.update((s) => ({ ...s, authenticated: true, authError: null }));
      this.channel.flush();
    });
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
      this.state.update((s) => ({ ...s, authenticated: false, authError: reason || 'permission-denied' }));
    });
    provider.on('synced', () => {
      this.store.setSynced(true);
      this.firstVisit?.resume();
      this.firstVisit = null;
    });
    const lost = () => {
      this.channel.connectionLost();
      this.presence.set([]); // presence is only known while connected
      this.store.setSynced(false);
      this.state.update((s) => (s.authenticated ? { ...s, authenticated: false } : s));
    };
    provider.on('close', lost);
    provider.on('disconnect', lost);
    provider.attach();
  }

  private closeDoc(): void {
    this.provider?.destroy();
    this.provider = null;
    this.index?.destroy();
    this.index = null;
    this.stopWatchingApplied?.();
    this.stopWatchingApplied = null;
    void this.cache?.destroy();
    this.cache = null;
    this.firstVisit?.close();
    this.firstVisit = null;
    this.currentDoc.set(null);
    this.doc?.destroy();
    this.doc = null;
  }

  private onStateless(payload: string): void {
    const message = parseServerMessage(payload);
    if (!message) return;
    switch (message.type) {
      case 'ack':
      case 'reject':
        this.channel.handleAnswer(message);
        break;
      case 'presence':
        this.presence.set(message.users);
        break;
      case 'hello':
        this.state.update((s) => ({ ...s, clockSkewMs: message.serverTime - Date.now(), role: message.user.role }));
        void this.checkEpoch(message.epoch);
        break;
    }
    for (const listener of [...this.messageListeners]) listener(message);
  }

  /** A cache from another epoch (the server's copy was reset or restored) is thrown away, never merged. */
  private async checkEpoch(epoch: string): Promise<void> {
    const cached = this.cachedEpoch;
    this.cachedEpoch = epoch;
    writeCachedEpoch(this.cacheName, epoch);
    if (cached === null || cached === epoch) return;
    console.info(`Baton: ${this.docName} was reset on the server (epoch ${cached} -> ${epoch}); reloading it.`);
    this.closeDoc();
    this.channel.connectionLost();
    this.store.unload();
    await clearDocument(this.cacheName);
    if (this.destroyed) return;
    await this.openDoc(false);
  }

  private reportRejection(rejection: CommandRejection): void {
    const { command } = rejection;
    const cardId = commandCardId(command);
    const cardTitle =
      command.type === 'createCard'
        ? command.card.title
        : ((cardId && this.store.getSnapshot().cards.get(cardId)?.title) ?? '');
    const { reason, message, details } = rejection;
    const shownInline = this.waiters.deliver(command.id, { type: 'reject', reason, message, details });
    const entry: RejectedChange = { ...rejection, cardTitle, at: Date.now(), shownInline };
    this.rejectionLog.add(entry);
    for (const listener of [...this.rejectionListeners]) listener(entry);
  }
}
