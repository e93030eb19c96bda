import type { BoardId, CommandAnswer, Membership, Role, User, UserId } from '@baton/shared-types';
import type { BoardEffect } from '@baton/shared-types/ydoc';

/**
 * Storage behind Baton, as one small asynchronous interface. SQLite is the default
 * backend; Postgres follows. No caller may rely on a call completing synchronously.
 * Every backend must pass `runStoreConformance` (see ./testing).
 */
/** How an update is appended to a document's log. */
export interface AppendOptions {
  /**
   * The update only repeats what a committed command already holds (its effects, re-applied on
   * load when the log lacks them, see appliedSeqOf): a store may return before the update is
   * on disk, as long as it gets there with the next durable write. A process crash loses
   * nothing either way (SQLite has the row in its write-ahead log in the page cache).
   */
  replayable?: boolean;
}

export interface Store {
  readonly kind: string;
  close(): Promise<void>;

  // --- Yjs documents: an append-only update log per document, compacted into a snapshot ---
  /** Creates the document record if missing. The epoch is chosen by `makeEpoch` on creation only. */
  ensureDocument(name: string, makeEpoch: () => string): Promise<{ epoch: string; created: boolean }>;
  /** Snapshot plus the updates appended after it, in append order; null for an unknown document. */
  loadDocument(name: string): Promise<LoadedDocument | null>;
  /**
   * Appends one update; durable when the promise resolves, unless `replayable` (see
   * AppendOptions). Returns its sequence number.
   */
  appendUpdate(name: string, update: Uint8Array, options?: AppendOptions): Promise<number>;
  /**
   * Replaces the snapshot with `merged` (which must contain the old snapshot and every update
   * with seq <= `uptoSeq`) and deletes those updates, in one transaction: a crash at any point
   * leaves either the old rows or the new snapshot, never neither.
   */
  compactDocument(name: string, merged: Uint8Array, uptoSeq: number): Promise<void>;
  /** Replaces a document's whole history (restore/reset) and gives it a new epoch. */
  resetDocument(name: string, state: Uint8Array, epoch: string): Promise<void>;
  /**
   * Gives a document a new epoch and keeps its history: after a repair appended what the log
   * lacked, browsers must drop caches that may hold an update the store never got. Unlike
   * `resetDocument` it deletes nothing, so updates other processes append meanwhile stay.
   */
  setEpoch(name: string, epoch: string): Promise<void>;
  /** Number of updates not yet folded into the snapshot. */
  countUpdates(name: string): Promise<number>;

  // --- Commands: answers for idempotency, effects for re-application, events for reports ---
  /**
   * Records an answered command and its events in one transaction. An `ack` with effects
   * gets the board's next command sequence number. If the command id was already recorded,
   * nothing is written and the earlier record is returned.
   */
  commitCommand(record: CommandRecord, events: readonly EventRecord[]): Promise<CommitResult>;
  /**
   * Commits several answered commands of one board in ONE transaction (one fsync), in order, all or nothing.
   * Each applied command (see isApplied: ack with effects) gets the board's next sequence number, consecutive in batch order;
   * others get seq null. If any command id in the batch was already recorded, nothing is written and the
   * result names the first such entry: { status: 'duplicate', index, existing }.
   * An empty batch commits nothing and touches no storage. Records naming different boards, or
   * repeating a command id within the batch, are programming errors: the call rejects and writes nothing.
   */
  commitCommands(batch: ReadonlyArray<CommandBatchEntry>): Promise<BatchCommitResult>;
  getCommand(commandId: string): Promise<StoredCommand | null>;
  /** Applied commands (those with a sequence number) of a board after `seq`, in order. */
  listAppliedCommands(boardId: BoardId | string, afterSeq: number): Promise<StoredCommand[]>;

  // --- Events ---
  appendEvents(events: readonly EventRecord[]): Promise<void>;
  listEvents(query: EventQuery): Promise<StoredEvent[]>;

  // --- Users, boards, memberships ---
  upsertUser(user: UserRecord): Promise<void>;
  getUser(id: UserId | string): Promise<UserRecord | null>;
  getUserByUsername(username: string): Promise<UserRecord | null>;
  listUsers(): Promise<UserRecord[]>;
  createBoard(board: BoardRecord): Promise<void>;
  getBoard(id: BoardId | string): Promise<BoardRecord | null>;
  listBoards(): Promise<BoardRecord[]>;
  setMembership(membership: Membership): Promise<void>;
  removeMembership(boardId: BoardId | string, userId: UserId | string): Promise<void>;
  getMembership(boardId: BoardId | string, userId: UserId | string): Promise<Membership | null>;
  listMemberships(filter: { boardId?: string; userId?: string }): Promise<Membership[]>;
  /**
   * A number that changes whenever a user or a membership is written or removed, by any process
   * sharing the store (a trigger bumps it in the writing transaction): readers cache directory
   * lookups and check this one cheap value instead of re-reading users and memberships.
   */
  directoryVersion(): Promise<number>;

  // --- Card registry: which board a card belongs to (card documents are named by card id) ---
  /**
   * Records that `cardId` belongs to `boardId`. True when it does now (newly or already);
   * false when the id is taken by another board. Card ids are unique across boards.
   */
  registerCard(cardId: string, boardId: string): Promise<boolean>;
  boardOfCard(cardId: string): Promise<string | null>;

  // --- Attachments: bytes live in the store, so every server process can serve them ---
  /** Stores an uploaded file; durable when the promise resolves. Ids are unique. */
  putAttachment(record: AttachmentRecord, data: Uint8Array): Promise<void>;
  getAttachment(id: string): Promise<AttachmentRecord | null>;
  readAttachmentData(id: string): Promise<Uint8Array | null>;
  /** A card's uploaded files, oldest first (the board document says which are attached, and their kinds). */
  listAttachments(boardId: string, cardId: string): Promise<AttachmentRecord[]>;

  // --- Alerts (SLA) and each person's notifications ---
  /**
   * Records an alert and one notification per recipient, once per alert key: true for the
   * caller that recorded it, false when the key exists (another process or an earlier run).
   */
  recordAlert(alert: AlertRecord, recipients: readonly string[]): Promise<boolean>;
  /** A person's notifications, newest first. */
  listNotifications(userId: string, options?: { unreadOnly?: boolean; limit?: number }): Promise<NotificationRecord[]>;
  countUnreadNotifications(userId: string): Promise<number>;
  /** Marks some (or all) of a person's notifications read; returns how many changed. */
  markNotificationsRead(userId: string, ids: readonly number[] | 'all', at: number): Promise<number>;
  /** Alerts whose webhook has not been delivered yet, oldest first. */
  pendingWebhooks(limit: number): Promise<AlertRecord[]>;
  setWebhookState(key: string, state: WebhookState, attempts: number): Promise<void>;

  // --- Settings and cross-process coordination ---
  getSetting(key: string): Promise<string | null>;
  /** Stores `value` unless the key already has one; returns whichever value is stored. */
  setSettingIfAbsent(key: string, value: string): Promise<string>;
  setSetting(key: string, value: string): Promise<void>;
  /**
   * Takes the named lock for `ttlMs` if it is free, expired, or already held by `holder`
   * (which renews it). Returns whether `holder` now holds it.
   */
  acquireLock(name: string, holder: string, ttlMs: number, now: number): Promise<boolean>;
  releaseLock(name: string, holder: string): Promise<void>;
}

export interface LoadedDocument {
  epoch: string;
  snapshot: Uint8Array | null;
  updates: StoredUpdate[];
}

export interface StoredUpdate {
  seq: number;
  data: Uint8Array;
}

export interface CommandRecord {
  commandId: string;
  boardId: string;
  actor: string;
  type: string;
  at: number;
  answer: CommandAnswer;
  /** What the command changed; empty for rejections. */
  effects: BoardEffect[];
}

export interface StoredCommand extends CommandRecord {
  /** The board's command sequence number; null for rejections and effect-less acks. */
  seq: number | null;
}

export type CommitResult = { status: 'committed'; seq: number | null } | { status: 'duplicate'; existing: StoredCommand };

/** One answered command of a `commitCommands` batch, with the events it writes. */
export interface CommandBatchEntry {
  record: CommandRecord;
  events: readonly EventRecord[];
}

export type BatchCommitResult =
  | { status: 'committed'; seqs: Array<number | null> }
  | { status: 'duplicate'; index: number; existing: StoredCommand };

export interface EventRecord {
  boardId: string;
  cardId: string | null;
  type: string;
  actor: string;
  at: number;
  data: Record<string, unknown>;
}

export interface StoredEvent extends EventRecord {
  id: number;
}

export interface EventQuery {
  boardId: string;
  cardId?: string;
  types?: string[];
  /** Only events with id greater than this. */
  afterId?: number;
  /** Newest first when true (default: oldest first). */
  newestFirst?: boolean;
  limit?: number;
}

export interface UserRecord extends User {
  /** scrypt hash in the form `scrypt$N$r$p$salt$hash` (base64 parts). */
  passwordHash: string;
}

export interface AttachmentRecord {
  id: string;
  boardId: string;
  cardId: string;
  kind: string;
  name: string;
  contentType: string;
  size: number;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
  uploadedBy: string;
  at: number;
}

export type WebhookState = 'none' | 'pending' | 'delivered' | 'failed';

export interface AlertRecord {
  /** Unique per alert episode, e.g. `quoteStale:<cardId>:<clock start>`. */
  key: string;
  boardId: string;
  cardId: string | null;
  type: string;
  at: number;
  data: Record<string, unknown>;
  webhook: WebhookState;
  webhookAttempts: number;
}

export interface NotificationRecord {
  id: number;
  userId: string;
  alertKey: string;
  boardId: string;
  cardId: string | null;
  type: string;
  at: number;
  read: boolean;
  data: Record<string, unknown>;
}

export interface BoardRecord {
  id: BoardId;
  name: string;
  createdAt: number;
}

export type { Role };
