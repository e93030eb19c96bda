// The SQLite backend of Store. better-sqlite3 is synchronous: every write is done (and, with
// synchronous=FULL, durable) before the returned promise exists.
import type { Database } from 'better-sqlite3';
import type { BoardId, Membership, UserId } from '@baton/shared-types';
import type {
  AlertRecord,
  AppendOptions,
  AttachmentRecord,
  NotificationRecord,
  WebhookState,
  BatchCommitResult,
  BoardRecord,
  CommandBatchEntry,
  CommandRecord,
  CommitResult,
  EventQuery,
  EventRecord,
  LoadedDocument,
  Store,
  StoredCommand,
  StoredEvent,
  UserRecord,
} from '../Store';
import { AlertTables } from './alerts';
import type { BackupCapable, BackupIO } from '../backup/io';
import { AttachmentTable } from './attachments';
import { SqliteBackupIO } from './backup';
import { CommandTable } from './commands';
import { CoordinationTables } from './coordination';
import { DirectoryTables } from './directory';
import { DocumentTable } from './documents';
import { EventTable } from './events';

interface Tables {
  documents: DocumentTable;
  commands: CommandTable;
  events: EventTable;
  directory: DirectoryTables;
  coordination: CoordinationTables;
  attachments: AttachmentTable;
  alerts: AlertTables;
}

/** Pragmas a caller may read through `SqliteStore.pragma` (read-only by construction). */
const READABLE_PRAGMAS = new Set(['journal_mode', 'synchronous', 'foreign_keys', 'busy_timeout', 'user_version']);

export class SqliteStore implements Store, BackupCapable {
  readonly kind = 'sqlite';
  private readonly db: Database;
  private tables: Tables | null;

  /** Expects an open, migrated database (see `openSqliteStore`). */
  constructor(db: Database) {
    this.db = db;
    const events = new EventTable(db);
    this.tables = {
      documents: new DocumentTable(db),
      commands: new CommandTable(db, events),
      events,
      directory: new DirectoryTables(db),
      coordination: new CoordinationTables(db),
      attachments: new AttachmentTable(db),
      alerts: new AlertTables(db),
    };
  }

  get filePath(): string {
    return this.db.name;
  }

  /** Reads one connection setting (for diagnostics and tests), e.g. `pragma('journal_mode')`. */
  pragma(name: string): unknown {
    if (!READABLE_PRAGMAS.has(name)) throw new Error(`pragma "${name}" is not readable through SqliteStore`);
    this.open();
    return this.db.pragma(name, { simple: true });
  }

  private open(): Tables {
    if (!this.tables) throw new Error(`SqliteStore is closed (${this.db.name})`);
    return this.tables;
  }

  /** Backup and restore of the whole file (see ../backup). */
  backupIO(): BackupIO {
    this.open();
    return new SqliteBackupIO(this.db);
  }

  async close(): Promise<void> {
    if (!this.tables) return;
    this.tables = null;
    this.db.close();
  }

  // --- documents ---
  async ensureDocument(name: string, makeEpoch: () => string): Promise<{ epoch: string; created: boolean }> {
    return this.open().documents.ensure(name, makeEpoch);
  }
  async loadDocument(name: string): Promise<LoadedDocument | null> {
    return this.open().documents.load(name);
  }
  async appendUpdate(name: string, update: Uint8Array, options: AppendOptions = {}): Promise<number> {
    return this.open().documents.append(name, update, options.replayable === true);
  }
  async compactDocument(name: string, merged: Uint8Array, uptoSeq: number): Promise<void> {
    this.open().documents.compact(name, merged, uptoSeq);
  }
  async resetDocument(name: string, state: Uint8Array, epoch: string): Promise<void> {
    this.open().documents.reset(name, state, epoch);
  }
  async setEpoch(name: string, epoch: string): Promise<void> {
    this.open().documents.setEpoch(name, epoch);
  }
  async countUpdates(name: string): Promise<number> {
    return this.open().documents.count(name);
  }

  // --- commands and events ---
  async commitCommand(record: CommandRecord, events: readonly EventRecord[]): Promise<CommitResult> {
    return this.open().commands.commit(record, events);
  }
  async commitCommands(batch: ReadonlyArray<CommandBatchEntry>): Promise<BatchCommitResult> {
    return this.open().commands.commitBatch(batch);
  }
  async getCommand(commandId: string): Promise<StoredCommand | null> {
    return this.open().commands.get(commandId);
  }
  async listAppliedCommands(boardId: BoardId | string, afterSeq: number): Promise<StoredCommand[]> {
    return this.open().commands.listApplied(boardId, afterSeq);
  }
  async appendEvents(events: readonly EventRecord[]): Promise<void> {
    this.open().events.append(events);
  }
  async listEvents(query: EventQuery): Promise<StoredEvent[]> {
    return this.open().events.list(query);
  }

  // --- users, boards, memberships ---
  async upsertUser(user: UserRecord): Promise<void> {
    this.open().directory.upsertUser(user);
  }
  async getUser(id: UserId | string): Promise<UserRecord | null> {
    return this.open().directory.getUser(id);
  }
  async getUserByUsername(username: string): Promise<UserRecord | null> {
    return this.open().directory.getUserByUsername(username);
  }
  async listUsers(): Promise<UserRecord[]> {
    return this.open().directory.listUsers();
  }
  async createBoard(board: BoardRecord): Promise<void> {
    this.open().directory.createBoard(board);
  }
  async getBoard(id: BoardId | string): Promise<BoardRecord | null> {
    return this.open().directory.getBoard(id);
  }
  async listBoards(): Promise<BoardRecord[]> {
    return this.open().directory.listBoards();
  }
  async setMembership(membership: Membership): Promise<void> {
    this.open().directory.setMembership(membership);
  }
  async removeMembership(boardId: BoardId | string, userId: UserId | string): Promise<void> {
    this.open().directory.removeMembership(boardId, userId);
  }
  async getMembership(boardId: BoardId | string, userId: UserId | string): Promise<Membership | null> {
    return this.open().directory.getMembership(boardId, userId);
  }
  async listMemberships(filter: { boardId?: string; userId?: string }): Promise<Membership[]> {
    return this.open().directory.listMemberships(filter);
  }
  async directoryVersion(): Promise<number> {
    return this.open().directory.version();
  }

  // --- card registry ---
  async registerCard(cardId: string, boardId: string): Promise<boolean> {
    return this.open().directory.registerCard(cardId, boardId);
  }
  async boardOfCard(cardId: string): Promise<string | null> {
    return this.open().directory.boardOfCard(cardId);
  }

  // --- attachments ---
  async putAttachment(record: AttachmentRecord, data: Uint8Array): Promise<void> {
    this.open().attachments.put(record, data);
  }
  async getAttachment(id: string): Promise<AttachmentRecord | null> {
    return this.open().attachments.get(id);
  }
  async readAttachmentData(id: string): Promise<Uint8Array | null> {
    return this.open().attachments.data(id);
  }
  async listAttachments(boardId: string, cardId: string): Promise<AttachmentRecord[]> {
    return this.open().attachments.list(boardId, cardId);
  }

  // --- alerts and notifications ---
  async recordAlert(alert: AlertRecord, recipients: readonly string[]): Promise<boolean> {
    return this.open().alerts.recordAlert(alert, recipients);
  }
  async listNotifications(userId: string, options?: { unreadOnly?: boolean; limit?: number }): Promise<NotificationRecord[]> {
    return this.open().alerts.listNotifications(userId, options);
  }
  async countUnreadNotifications(userId: string): Promise<number> {
    return this.open().alerts.countUnread(userId);
  }
  async markNotificationsRead(userId: string, ids: readonly number[] | 'all', at: number): Promise<number> {
    return this.open().alerts.markRead(userId, ids, at);
  }
  async pendingWebhooks(limit: number): Promise<AlertRecord[]> {
    return this.open().alerts.pendingWebhooks(limit);
  }
  async setWebhookState(key: string, state: WebhookState, attempts: number): Promise<void> {
    this.open().alerts.setWebhookState(key, state, attempts);
  }

  // --- settings and locks ---
  async getSetting(key: string): Promise<string | null> {
    return this.open().coordination.getSetting(key);
  }
  async setSettingIfAbsent(key: string, value: string): Promise<string> {
    return this.open().coordination.setSettingIfAbsent(key, value);
  }
  async setSetting(key: string, value: string): Promise<void> {
    this.open().coordination.setSetting(key, value);
  }
  async acquireLock(name: string, holder: string, ttlMs: number, now: number): Promise<boolean> {
    return this.open().coordination.acquireLock(name, holder, ttlMs, now);
  }
  async releaseLock(name: string, holder: string): Promise<void> {
    this.open().coordination.releaseLock(name, holder);
  }
}
