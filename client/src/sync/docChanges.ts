import type { CardDocKind } from './cardDoc';
import { ValueStore } from '../lib/valueStore';
import { uuid } from '../lib/uuid';

/** A card document with local edits the server has not acknowledged yet. */
export interface DocChange {
  /** Document name, e.g. `pack:<cardId>`. */
  name: string;
  kind: CardDocKind;
  cardId: string;
  /** When the first unacknowledged edit was made. */
  since: number;
}

/** Why local edits to a document were thrown away instead of sent. */
export type DocDropReason = 'readonly' | 'epoch' | 'refused';

/** Told to the user once: "Your offline edits to the delivery plan were not kept: …". */
export interface DocNotice {
  id: string;
  kind: CardDocKind;
  cardId: string;
  reason: DocDropReason;
  /** The deal's title when the edits were dropped ('' when unknown). */
  title: string;
  /** The server's words for a refusal (e.g. `not-a-member`). */
  detail?: string | undefined;
  at: number;
}

const storageKey = (userId: string) => `baton.docChanges.${userId}`;

function read(userId: string): DocChange[] {
  try {
    const raw = localStorage.getItem(storageKey(userId));
    const list = raw ? (JSON.parse(raw) as unknown) : [];
    return Array.isArray(list) ? list.filter((c): c is DocChange => !!c && typeof (c as DocChange).name === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * One user's card documents with edits not yet acknowledged by the server, kept in
 * localStorage: the sync badge counts them, and they are opened in the background after a
 * reload so that edits made offline are sent even if nobody opens the pack again.
 */
export class DocChanges {
  readonly pending: ValueStore<readonly DocChange[]>;

  constructor(private readonly userId: string) {
    this.pending = new ValueStore<readonly DocChange[]>(read(userId));
  }

  has(name: string): boolean {
    return this.pending.get().some((c) => c.name === name);
  }

  mark(change: Omit<DocChange, 'since'>): void {
    if (this.has(change.name)) return;
    this.save([...this.pending.get(), { ...change, since: Date.now() }]);
  }

  clear(name: string): void {
    if (!this.has(name)) return;
    this.save(this.pending.get().filter((c) => c.name !== name));
  }

  private save(list: readonly DocChange[]): void {
    this.pending.set(list);
    try {
      if (list.length === 0) localStorage.removeItem(storageKey(this.userId));
      else localStorage.setItem(storageKey(this.userId), JSON.stringify(list));
    } catch {
      // not kept across reloads, still counted while the page is open
    }
  }
}

const byUser = new Map<string, DocChanges>();

export function docChangesFor(userId: string): DocChanges {
  let changes = byUser.get(userId);
  if (!changes) {
    changes = new DocChanges(userId);
    byUser.set(userId, changes);
  }
  return changes;
}

/** Notices about dropped document edits, shown as toasts by the app and then cleared. */
export const docNotices = new ValueStore<readonly DocNotice[]>([]);

let titleOf: (cardId: string) => string | undefined = () => undefined;

/** Lets notices name the deal (the open board session knows the titles). Returns a function that stops. */
export function resolveCardTitlesWith(resolve: (cardId: string) => string | undefined): () => void {
  titleOf = resolve;
  return () => {
    if (titleOf === resolve) titleOf = () => undefined;
  };
}

export function addDocNotice(notice: Omit<DocNotice, 'id' | 'at' | 'title'>): void {
  docNotices.update((list) => [...list, { ...notice, title: titleOf(notice.cardId) ?? '', id: uuid(), at: Date.now() }]);
}

export function takeDocNotices(): readonly DocNotice[] {
  const list = docNotices.get();
  if (list.length > 0) docNotices.set([]);
  return list;
}
