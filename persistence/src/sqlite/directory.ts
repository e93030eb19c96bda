// Users, boards and who is on which board with which role.
import type { Database } from 'better-sqlite3';
import type { BoardId, Membership, Role, UserId } from '@baton/shared-types';
import type { BoardRecord, UserRecord } from '../Store';
import { requireSafeInteger } from './codec';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  region: string;
  manager_id: string | null;
  password_hash: string;
}

interface BoardRow {
  id: string;
  name: string;
  created_at: number;
}

interface MembershipRow {
  board_id: string;
  user_id: string;
  role: string;
}

const USER_COLUMNS = 'id, username, display_name, region, manager_id, password_hash';

const toUser = (row: UserRow): UserRecord => ({
  id: row.id as UserId,
  username: row.username,
  displayName: row.display_name,
  region: row.region,
  managerId: row.manager_id as UserId | null,
  passwordHash: row.password_hash,
});

const toBoard = (row: BoardRow): BoardRecord => ({ id: row.id as BoardId, name: row.name, createdAt: row.created_at });

const toMembership = (row: MembershipRow): Membership => ({
  boardId: row.board_id as BoardId,
  userId: row.user_id as UserId,
  role: row.role as Role,
});

export class DirectoryTables {
  private readonly upsertUserStmt;
  private readonly userById;
  private readonly userByUsername;
  private readonly allUsers;
  private readonly insertBoard;
  private readonly boardById;
  private readonly allBoards;
  private readonly insertCard;
  private readonly cardBoard;
  private readonly upsertMembership;
  private readonly deleteMembership;
  private readonly oneMembership;
  private readonly allMemberships;
  private readonly membershipsByBoard;
  private readonly membershipsByUser;
  private readonly versionStmt;

  constructor(db: Database) {
    // created_at is set on first insert and kept by later upserts.
    this.upsertUserStmt = db.prepare<[UserRow & { created_at: number }]>(
      `INSERT INTO users (${USER_COLUMNS}, created_at)
       VALUES (@id, @username, @display_name, @region, @manager_id, @password_hash, @created_at)
       ON CONFLICT (id) DO UPDATE SET username = excluded.username, display_name = excluded.display_name,
         region = excluded.region, manager_id = excluded.manager_id, password_hash = excluded.password_hash`,
    );
    this.userById = db.prepare<[string], UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`);
    this.userByUsername = db.prepare<[string], UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE username = ?`);
    this.allUsers = db.prepare<[], UserRow>(`SELECT ${USER_COLUMNS} FROM users ORDER BY username`);
    this.insertBoard = db.prepare<[string, string, number]>(
      'INSERT OR IGNORE INTO boards (id, name, created_at) VALUES (?, ?, ?)',
    );
    this.boardById = db.prepare<[string], BoardRow>('SELECT id, name, created_at FROM boards WHERE id = ?');
    this.allBoards = db.prepare<[], BoardRow>('SELECT id, name, created_at FROM boards ORDER BY created_at, id');
    this.insertCard = db.prepare<[string, string]>('INSERT OR IGNORE INTO cards (card_id, board_id) VALUES (?, ?)');
    this.cardBoard = db.prepare<[string], { board_id: string }>('SELECT board_id FROM cards WHERE card_id = ?');
    this.upsertMembership = db.prepare<[string, string, string]>(
      `INSERT INTO memberships (board_id, user_id, role) VALUES (?, ?, ?)
       ON CONFLICT (board_id, user_id) DO UPDATE SET role = excluded.role`,
    );
    this.deleteMembership = db.prepare<[string, string]>('DELETE FROM memberships WHERE board_id = ? AND user_id = ?');
    this.oneMembership = db.prepare<[string, string], MembershipRow>(
      'SELECT board_id, user_id, role FROM memberships WHERE board_id = ? AND user_id = ?',
    );
    this.allMemberships = db.prepare<[], MembershipRow>(
      'SELECT board_id, user_id, role FROM memberships ORDER BY board_id, user_id',
    );
    this.membershipsByBoard = db.prepare<[string], MembershipRow>(
      'SELECT board_id, user_id, role FROM memberships WHERE board_id = ? ORDER BY user_id',
    );
    this.versionStmt = db.prepare<[], { version: number }>('SELECT version FROM directory_version WHERE id = 1');
    this.membershipsByUser = db.prepare<[string], MembershipRow>(
      'SELECT board_id, user_id, role FROM memberships WHERE user_id = ? ORDER BY board_id',
    );
  }

  upsertUser(user: UserRecord): void {
    this.upsertUserStmt.run({
      id: user.id,
      username: user.username,
      display_name: user.displayName,
      region: user.region,
      manager_id: user.managerId,
      password_hash: user.passwordHash,
      created_at: Date.now(),
    });
  }

  getUser(id: string): UserRecord | null {
    const row = this.userById.get(id);
    return row ? toUser(row) : null;
  }

  getUserByUsername(username: string): UserRecord | null {
    const row = this.userByUsername.get(username);
    return row ? toUser(row) : null;
  }

  listUsers(): UserRecord[] {
    return this.allUsers.all().map(toUser);
  }

  createBoard(board: BoardRecord): void {
    const info = this.insertBoard.run(board.id, board.name, requireSafeInteger(board.createdAt, 'createdAt'));
    if (info.changes !== 1) throw new Error(`board "${board.id}" already exists`);
  }

  getBoard(id: string): BoardRecord | null {
    const row = this.boardById.get(id);
    return row ? toBoard(row) : null;
  }

  registerCard(cardId: string, boardId: string): boolean {
    this.insertCard.run(cardId, boardId);
    return this.boardOfCard(cardId) === boardId;
  }

  boardOfCard(cardId: string): string | null {
    return this.cardBoard.get(cardId)?.board_id ?? null;
  }

  listBoards(): BoardRecord[] {
    return this.allBoards.all().map(toBoard);
  }

  setMembership(membership: Membership): void {
    this.upsertMembership.run(membership.boardId, membership.userId, membership.role);
  }

  removeMembership(boardId: string, userId: string): void {
    this.deleteMembership.run(boardId, userId);
  }

  getMembership(boardId: string, userId: string): Membership | null {
    const row = this.oneMembership.get(boardId, userId);
    return row ? toMembership(row) : null;
  }

  listMemberships(filter: { boardId?: string; userId?: string }): Membership[] {
    const { boardId, userId } = filter;
    if (boardId !== undefined && userId !== undefined) {
      const row = this.oneMembership.get(boardId, userId);
      return row ? [toMembership(row)] : [];
    }
    if (boardId !== undefined) return this.membershipsByBoard.all(boardId).map(toMembership);
    if (userId !== undefined) return this.membershipsByUser.all(userId).map(toMembership);
    return this.allMemberships.all().map(toMembership);
  }

  version(): number {
    const row = this.versionStmt.get();
    if (!row) throw new Error('directory_version has no row');
    return row.version;
  }
}
