// Builders for conformance tests: commands, events, users, and real Yjs updates.
import * as Y from 'yjs';
import type { BoardId, UserId } from '@baton/shared-types';
import type { BoardEffect } from '@baton/shared-types/ydoc';
import type { CommandRecord, EventRecord, LoadedDocument, Store, UserRecord } from '../Store';

/** What each suite sees: the store under test, which `reopen` replaces. */
export interface SuiteContext {
  readonly store: Store;
  /** Closes the current store and opens the same data again (a process restart). */
  reopen(): Promise<Store>;
}

export const EFFECTS: BoardEffect[] = [
  { op: 'setMeta', fields: { name: 'Pipeline', version: 2 } },
  { op: 'setFields', cardId: 'card-1', fields: { title: 'Renewal', amount: 1200 } },
];

export function command(commandId: string, overrides: Partial<CommandRecord> = {}): CommandRecord {
  return {
    commandId,
    boardId: 'demo',
    actor: 'alice',
    type: 'updateCard',
    at: 1_700_000_000_000,
    answer: { type: 'ack', id: commandId },
    effects: EFFECTS,
    ...overrides,
  };
}

export function rejection(commandId: string, overrides: Partial<CommandRecord> = {}): CommandRecord {
  return command(commandId, {
    answer: { type: 'reject', id: commandId, reason: 'gate_failed', message: 'Missing fields', details: { missing: ['amount'] } },
    effects: [],
    ...overrides,
  });
}

export function event(overrides: Partial<EventRecord> = {}): EventRecord {
  return {
    boardId: 'demo',
    cardId: 'card-1',
    type: 'card.updated',
    actor: 'alice',
    at: 1_700_000_000_000,
    data: { field: 'title', from: 'A', to: 'B', nested: { list: [1, 'two', null], ok: true } },
    ...overrides,
  };
}

export function user(id: string, overrides: Partial<UserRecord> = {}): UserRecord {
  return {
    id: id as UserId,
    username: id,
    displayName: `User ${id}`,
    region: 'north',
    managerId: null,
    passwordHash: `scrypt$16384$8$1$c2FsdA==$${id}`,
    ...overrides,
  };
}

export const boardId = (id: string) => id as BoardId;

/** A Y.Doc that records every update it produces, like a client editing a document. */
export class Editor {
  readonly doc = new Y.Doc();
  private pending: Uint8Array[] = [];

  constructor(initialState?: Uint8Array) {
    if (initialState) Y.applyUpdate(this.doc, initialState);
    this.doc.on('update', (update: Uint8Array) => this.pending.push(update));
  }

  /** Inserts text at the end and returns the single update that edit produced. */
  type(text: string): Uint8Array {
    this.pending = [];
    const t = this.doc.getText('body');
    t.insert(t.length, text);
    const [update, ...rest] = this.pending;
    if (!update || rest.length > 0) throw new Error('expected exactly one update per edit');
    return update;
  }

  text(): string {
    return this.doc.getText('body').toString();
  }
}

/** Applies a loaded document (snapshot, then updates) to a fresh Y.Doc and returns its text. */
export function rebuiltText(loaded: LoadedDocument | null): string {
  if (!loaded) throw new Error('document not found');
  const doc = new Y.Doc();
  if (loaded.snapshot) Y.applyUpdate(doc, loaded.snapshot);
  for (const update of loaded.updates) Y.applyUpdate(doc, update.data);
  // Updates whose dependencies are missing stay pending instead of showing up in the text.
  if (doc.store.pendingStructs !== null) throw new Error('some updates could not be applied (history is missing)');
  return doc.getText('body').toString();
}

/** The full state of a document with the given text, as one update (what a restore writes). */
export function stateWithText(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('body').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

export function merge(...updates: Array<Uint8Array | null>): Uint8Array {
  return Y.mergeUpdates(updates.filter((u): u is Uint8Array => u !== null));
}

export const isPlainUint8Array = (value: unknown): boolean =>
  value instanceof Uint8Array && Object.getPrototypeOf(value) === Uint8Array.prototype;
