// The PostgreSQL backend of Store: several server processes can share one database. Every
// method resolves only after its statement or transaction has committed.
import type { BoardId, Membership, UserId } from '@baton/shared-types';
import type {
  AlertRecord,
  AppendOptions,
  AttachmentRecord,
  BatchCommitResult,
  BoardRecord,
  CommandBatchEntry,
  CommandRecord,
  CommitResult,
  EventQuery,
  EventRecord,
  LoadedDocument,
  NotificationRecord,
  Store,
  StoredCommand,
  StoredEvent,
  UserRecord,
  WebhookState,
} from '../Store';
import type { BackupCapable, BackupIO } from '../backup/io';
import { AttachmentTable } from './attachments';
import { PostgresBackupIO } from './backup';
import { AlertTables } from './alerts';
import { CommandTable } from './commands';
import { CoordinationTables } from './coordination';
import type { Db } from './db';
import { DirectoryTables } from './directory';
import { DocumentTable } from './documents';
import { EventTable } from './events';

export class PostgresStore implements Store, BackupCapable {
  readonly kind = 'postgres';
  private readonly db: Db;
  /** The schema the store's tables live in; null when it uses the connection's search_path as is. */
  readonly schema: string | null;
  private readonly documents: DocumentTable;
  private readonly commands: CommandTable;
  private readonly events: EventTable;
  private readonly directory: DirectoryTables;
  private readonly coordination: CoordinationTables;
  private readonly alerts: AlertTables;
  private readonly attachments: AttachmentTable;

  /** Expects a migrated database behind `db` (see `openPostgresStore`). */
  constructor(db: Db, schema: string | null) {
    this.db = db;
    this.schema = schema;
    this.documents = new DocumentTable(db);
    this.commands = new CommandTable(db);
    this.events = new EventTable(db);
    this.directory = new DirectoryTables(db);
    this.coordination = new CoordinationTables(db);
    this.alerts = new AlertTables(db);
    this.attachments = new AttachmentTable(db);
  }

  /** Backup and restore of the whole schema (see ../backup). */
  backupIO(): BackupIO {
    return new PostgresBackupIO(this.db);
  }

  /** Ends every pooled connection; later calls reject with "closed". Closing twice is harmless. */
  async close(): Promise<void> {
    await this.db.close();
  }

  // --- documents ---
  ensureDocument(name: string, makeEpoch: () => string): Promise<{ epoch: string; created: boolean }> {
    return this.documents.ensure(name, makeEpoch);
  }
  loadDocument(name: string): Promise<LoadedDocument | null> {
    return this.documents.load(name);
  }
  /** Always durable: a relaxed commit would cost Postgres a transaction of its own (SET LOCAL synchronous_commit). */
  appendUpdate(name: string, update: Uint8Array, _options?: AppendOptions): Promise<number> {
    return this.documents.append(name, update);
  }
  compactDocument(name: string, merged: Uint8Array, uptoSeq: number): Promise<void> {
    return this.documents.compact(name, merged, uptoSeq);
  }
  resetDocument(name: string, state: Uint8Array, epoch: string): Promise<void> {
    return this.documents.reset(name, state, epoch);
  }
  setEpoch(name: string, epoch: string): Promise<void> {
    return this.documents.setEpoch(name, epoch);
  }
  countUpdates(name: string): Promise<number> {
    return this.documents.count(name);
  }

  // --- commands and events ---
  commitCommand(record: CommandRecord, events: readonly EventRecord[]): Promise<CommitResult> {
    return this.commands.commit(record, events);
  }
  commitCommands(batch: ReadonlyArray<CommandBatchEntry>): Promise<BatchCommitResult> {
    return this.commands.commitBatch(batch);
  }
  getCommand(commandId: string): Promise<StoredCommand | null> {
    return this.commands.get(commandId);
  }
  listAppliedCommands(boardId: BoardId | string, afterSeq: number): Promise<StoredCommand[]> {
    return this.commands.listApplied(boardId, afterSeq);
  }
  appendEvents(events: readonly EventRecord[]): Promise<void> {
    return this.events.append(events);
  }
  listEvents(query: EventQuery): Promise<StoredEvent[]> {
    return this.events.list(query);
  }

  // --- users, boards, memberships ---
  upsertUser(user: UserRecord): Promise<void> {
    return this.directory.upsertUser(user);
  }
  getUser(id: UserId | string): Promise<UserRecord | null> {
    return this.directory.getUser(id);
  }
  getUserByUsername(username: string): Promise<UserRecord | null> {
    return this.directory.getUserByUsername(username);
  }
  listUsers(): Promise<UserRecord[]> {
    return this.directory.listUsers();
  }
  createBoard(board: BoardRecord): Promise<void> {
    return this.directory.createBoard(board);
  }
  getBoard(id: BoardId | string): Promise<BoardRecord | null> {
    return this.directory.getBoard(id);
  }
  listBoards(): Promise<BoardRecord[]> {
    return this.directory.listBoards();
  }
  registerCard(cardId: string, boardId: string): Promise<boolean> {
    return this.directory.registerCard(cardId, boardId);
  }
  boardOfCard(cardId: string): Promise<string | null> {
    return this.directory.boardOfCard(cardId);
  }
  setMembership(membership: Membership): Promise<void> {
    return this.directory.setMembership(membership);
  }
  removeMembership(boardId: BoardId | string, userId: UserId | string): Promise<void> {
    return this.directory.removeMembership(boardId, userId);
  }
  getMembership(boardId: BoardId | string, userId: UserId | string): Promise<Membership | null> {
    return this.directory.getMembership(boardId, userId);
  }
  listMemberships(filter: { boardId?: string; userId?: string }): Promise<Membership[]> {
    return this.directory.listMemberships(filter);
  }
  directoryVersion(): Promise<number> {
    return this.directory.version();
  }

  // --- attachments ---
  putAttachment(record: AttachmentRecord, data: Uint8Array): Promise<void> {
    return this.attachments.put(record, data);
  }
  getAttachment(id: string): Promise<AttachmentRecord | null> {
    return this.attachments.get(id);
  }
  readAttachmentData(id: string): Promise<Uint8Array | null> {
    return this.attachments.data(id);
  }
  listAttachments(boardId: string, cardId: string): Promise<AttachmentRecord[]> {
    return this.attachments.list(boardId, cardId);
  }

  // --- settings and locks ---
  recordAlert(alert: AlertRecord, recipients: readonly string[]): Promise<boolean> {
    return this.alerts.recordAlert(alert, recipients);
  }
  listNotifications(userId: string, options?: { unreadOnly?: boolean; limit?: number }): Promise<NotificationRecord[]> {
    return this.alerts.listNotifications(userId, options);
  }
  countUnreadNotifications(userId: string): Promise<number> {
    return this.alerts.countUnread(userId);
  }
  markNotificationsRead(userId: string, ids: readonly number[] | 'all', at: number): Promise<number> {
    return this.alerts.markRead(userId, ids, at);
  }
  pendingWebhooks(limit: number): Promise<AlertRecord[]> {
    return this.alerts.pendingWebhooks(limit);
  }
  setWebhookState(key: string, state: WebhookState, attempts: number): Promise<void> {
    return this.alerts.setWebhookState(key, state, attempts);
  }
  getSetting(key: string): Promise<string | null> {
    return this.coordination.getSetting(key);
  }
  setSettingIfAbsent(key: string, value: string): Promise<string> {
    return this.coordination.setSettingIfAbsent(key, value);
  }
  setSetting(key: string, value: string): Promise<void> {
    return this.coordination.setSetting(key, value);
  }
  acquireLock(name: string, holder: string, ttlMs: number, now: number): Promise<boolean> {
    return this.coordination.acquireLock(name, holder, ttlMs, now);
  }
  releaseLock(name: string, holder: string): Promise<void> {
    return this.coordination.releaseLock(name, holder);
  }
}
