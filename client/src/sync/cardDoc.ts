import { cardDocName } from '@baton/shared-types';
import { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { ValueStore } from '../lib/valueStore';
import type { Network } from './network';

export type CardDocKind = 'pack' | 'review' | 'plan';
/** What the server granted this connection: only `read-write` connections' updates are kept. */
export type DocScope = 'read-write' | 'readonly';

export interface CardDocState {
  /** Null until the server has authenticated the connection. */
  scope: DocScope | null;
  /** The document has been received from the server at least once. */
  synced: boolean;
  /** Connected and authenticated right now. */
  live: boolean;
  /** Local updates the server has not acknowledged yet. */
  unsynced: number;
  /** Why the server refused the document (e.g. `not-a-member`, `unknown-document`). */
  authError: string | null;
}

/** Someone with the document open, as the server vouches for it (it rewrites every awareness `user`). */
export interface DocPerson {
  id: string;
  name: string;
  color: string;
  role: string;
  /** This browser tab. */
  self: boolean;
}

export interface CardDocOptions {
  kind: CardDocKind;
  cardId: string;
  token: string;
  network: Network;
}

/**
 * One handoff document of a card (`pack:`, `review:` or `plan:` + card id): its Y.Doc and a
 * provider attached to the app's one websocket. Rich text is edited directly in the Y.Doc;
 * the server decides who may write (`scope`) and drops updates from read-only connections.
 *
 * The only place that opens card documents, so an offline cache (IndexedDB, with the board's
 * epoch rules: the server's `hello` on this provider carries the document's epoch) can be added
 * here without touching the editors.
 */
export class CardDocConnection {
  readonly doc = new Y.Doc();
  readonly provider: HocuspocusProvider;
  readonly state = new ValueStore<CardDocState>({ scope: null, synced: false, live: false, unsynced: 0, authError: null });
  readonly name: string;
  /** Who has this document open right now, one entry per person. */
  readonly people = new ValueStore<readonly DocPerson[]>([]);

  constructor(readonly options: CardDocOptions) {
    this.name = cardDocName(options.kind, options.cardId);
    this.provider = new HocuspocusProvider({
      name: this.name,
      document: this.doc,
      token: options.token,
      websocketProvider: options.network.socket,
      // Like the board's provider: a re-opened provider for the same document gets its own address.
      sessionAwareness: true,
    });
    const set = (patch: Partial<CardDocState>) => this.state.update((s) => ({ ...s, ...patch }));
    this.provider.on('authenticated', ({ scope }: { scope: string }) =>
      set({ scope: scope === 'read-write' ? 'read-write' : 'readonly', live: true, authError: null }),
    );
    this.provider.on('authenticationFailed', ({ reason }: { reason: string }) => set({ live: false, authError: reason || 'permission-denied' }));
    this.provider.on('synced', () => set({ synced: true }));
    this.provider.on('unsyncedChanges', ({ number }: { number: number }) => set({ unsynced: number }));
    const lost = () => set({ live: false });
    this.provider.on('close', lost);
    this.provider.on('disconnect', lost);
    this.provider.awareness?.on('change', this.onAwareness);
    this.provider.attach();
  }

  private readonly onAwareness = () => {
    const awareness = this.provider.awareness;
    if (!awareness) return;
    const people = new Map<string, DocPerson>();
    awareness.getStates().forEach((state, clientId) => {
      const user = (state as { user?: Partial<Record<'id' | 'name' | 'color' | 'role', unknown>> }).user;
      if (!user || typeof user.id !== 'string' || typeof user.name !== 'string') return;
      const self = clientId === awareness.clientID;
      const known = people.get(user.id);
      if (known && !self) return;
      people.set(user.id, { id: user.id, name: user.name, color: typeof user.color === 'string' ? user.color : '#94a3b8', role: String(user.role ?? ''), self: self || !!known?.self });
    });
    const next = [...people.values()];
    if (JSON.stringify(next) !== JSON.stringify(this.people.get())) this.people.set(next);
  };

  /** Who is in the document and where their cursor is (the editor's carets). */
  get awareness(): NonNullable<HocuspocusProvider['awareness']> {
    const awareness = this.provider.awareness;
    if (!awareness) throw new Error('card documents always have awareness');
    return awareness;
  }

  destroy(): void {
    this.provider.awareness?.off('change', this.onAwareness);
    this.provider.destroy();
    this.doc.destroy();
  }
}
