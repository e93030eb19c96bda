// Users, boards and who is on which board with which role.
import type { BoardId, Membership, Role, UserId } from '@baton/shared-types';
import type { BoardRecord, UserRecord } from '../Store';
import { requireSafeInteger, toInt } from './codec';
import type { Db } from './db';

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
  created_at: string;
}

interface MembershipRow {
  board_id: string;
  user_id: string;
  role: string;
}

const USER_COLUMNS = 'id, username, display_name, region, manager_id, password_hash';
const MEMBERSHIP_COLUMNS = 'board_id, user_id, role';

const toUser = (row: UserRow): UserRecord => ({
  id: row.id as UserId,
  username: row.username,
  displayName: row.display_name,
  region: row.region,
  managerId: row.manager_id as UserId | null,
  passwordHash: row.password_hash,
});

const toBoard = (row: BoardRow): BoardRecord => ({
  id: row.id as BoardId,
  name: row.name,
  createdAt: toInt(row.created_at, 'board created_at'),
});

const toMembership = (row: MembershipRow): Membership => ({
  boardId: row.board_id as BoardId,
  userId: row.user_id as UserId,
  role: row.role as Role,
});

export class DirectoryTables {
  constructor(private readonly db: Db) {}

  async upsertUser(user: UserRecord): Promise<void> {
    // created_at is set on first insert and kept by later upserts.
    await this.db.run(
      `INSERT INTO users (${USER_COLUMNS}, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (id) DO UPDATE SET username = excluded.username, display_name = excluded.display_name,
         region = excluded.region, manager_id = excluded.manager_id, password_hash = excluded.password_hash`,
      [user.id, user.username, user.displayName, user.region, user.managerId, user.passwordHash, Date.now()],
    );
  }

  private async oneUser(where: string, value: string): Promise<UserRecord | null> {
    const [row] = await this.db.rows<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE ${where} = $1`, [value]);
    return row ? toUser(row) : null;
  }

  async getUser(id: string): Promise<UserRecord | null> {
    return this.oneUser('id', id);
  }

  async getUserByUsername(username: string): Promise<UserRecord | null> {
    return this.oneUser('username', username);
  }

  async listUsers(): Promise<UserRecord[]> {
    return (await this.db.rows<UserRow>(`SELECT ${USER_COLUMNS} FROM users ORDER BY username COLLATE "C"`)).map(toUser);
  }

  async createBoard(board: BoardRecord): Promise<void> {
    const inserted = await this.db.run('INSERT INTO boards (id, name, created_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING', [
      board.id,
      board.name,
      requireSafeInteger(board.createdAt, 'createdAt'),
    ]);
    if (inserted !== 1) throw new Error(`board "${board.id}" already exists`);
  }

  async getBoard(id: string): Promise<BoardRecord | null> {
    const [row] = await this.db.rows<BoardRow>('SELECT id, name, created_at FROM boards WHERE id = $1', [id]);
    return row ? toBoard(row) : null;
  }

  async registerCard(cardId: string, boardId: string): Promise<boolean> {
    await this.db.run('INSERT INTO cards (card_id, board_id) VALUES ($1, $2) ON CONFLICT (card_id) DO NOTHING', [cardId, boardId]);
    return (await this.boardOfCard(cardId)) === boardId;
  }

  async boardOfCard(cardId: string): Promise<string | null> {
    const rows = await this.db.rows<{ board_id: string }>('SELECT board_id FROM cards WHERE card_id = $1', [cardId]);
    return rows[0]?.board_id ?? null;
  }

  async listBoards(): Promise<BoardRecord[]> {
    return (await this.db.rows<BoardRow>('SELECT id, name, created_at FROM boards ORDER BY created_at, id COLLATE "C"')).map(toBoard);
  }

  async setMembership(membership: Membership): Promise<void> {
    await this.db.run(
      `INSERT INTO memberships (${MEMBERSHIP_COLUMNS}) VALUES ($1, $2, $3)
       ON CONFLICT (board_id, user_id) DO UPDATE SET role = excluded.role`,
      [membership.boardId, membership.userId, membership.role],
    );
  }

  async removeMembership(boardId: string, userId: string): Promise<void> {
    await this.db.run('DELETE FROM memberships WHERE board_id = $1 AND user_id = $2', [boardId, userId]);
  }

  async getMembership(boardId: string, userId: string): Promise<Membership | null> {
    const [row] = await this.db.rows<MembershipRow>(
      `SELECT ${MEMBERSHIP_COLUMNS} FROM memberships WHERE board_id = $1 AND user_id = $2`,
      [boardId, userId],
    );
    return row ? toMembership(row) : null;
  }

  async listMemberships(filter: { boardId?: string; userId?: string }): Promise<Membership[]> {
    const { boardId, userId } = filter;
    const params: string[] = [];
    const where: string[] = [];
    if (boardId !== undefined) where.push(`board_id = $${params.push(boardId)}`);
    if (userId !== undefined) where.push(`user_id = $${params.push(userId)}`);
    // Ordered like SQLite's (byte order, whatever the database collation): by the column not
    // filtered on, else by board then user.
    const order = boardId !== undefined && userId === undefined ? 'user_id COLLATE "C"' : 'board_id COLLATE "C", user_id COLLATE "C"';
    const rows = await this.db.rows<MembershipRow>(
      `SELECT ${MEMBERSHIP_COLUMNS} FROM memberships ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order}`,
      params,
    );
    return rows.map(toMembership);
  }

  async version(): Promise<number> {
    const [row] = await this.db.rows<{ version: string }>('SELECT version FROM directory_version WHERE id = 1');
    if (!row) throw new Error('directory_version has no row');
    return Number(row.version);
  }
}
