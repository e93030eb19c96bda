// Answered commands: idempotency by command id, a per-board sequence for applied ones.
import type { CommandRecord, CommitResult, EventRecord, StoredCommand } from '../Store';
import { isApplied } from '../sqlite/commands';
import { fromJson, requireSafeInteger, toInt, toJson, toNullableInt } from './codec';
import type { Db, Executor } from './db';
import { insertEvents, lockBoards } from './events';

interface CommandRow {
  command_id: string;
  board_id: string;
  seq: string | null;
  actor: string;
  type: string;
  at: string;
  answer: string;
  effects: string;
}

const COLUMNS = 'command_id, board_id, seq, actor, type, at, answer, effects';

function toStored(row: CommandRow): StoredCommand {
  return {
    commandId: row.command_id,
    boardId: row.board_id,
    seq: toNullableInt(row.seq, 'command seq'),
    actor: row.actor,
    type: row.type,
    at: toInt(row.at, 'command time'),
    answer: fromJson<StoredCommand['answer']>(row.answer),
    effects: fromJson<StoredCommand['effects']>(row.effects),
  };
}

async function selectOne(ex: Executor, commandId: string): Promise<StoredCommand | null> {
  const [row] = await ex.rows<CommandRow>(`SELECT ${COLUMNS} FROM commands WHERE command_id = $1`, [commandId]);
  return row ? toStored(row) : null;
}

export class CommandTable {
  constructor(private readonly db: Db) {}

  /**
   * One transaction. The board's advisory lock (see `lockBoards`) is taken before reading its
   * last seq and held until commit, so processes sharing the database allocate seqs one at a
   * time; UNIQUE (board_id, seq) stays as a backstop. A racing commit of the same command id
   * is settled by the primary key: ON CONFLICT DO NOTHING waits for it, then we re-read it.
   */
  async commit(record: CommandRecord, events: readonly EventRecord[]): Promise<CommitResult> {
    requireSafeInteger(record.at, 'at');
    for (const e of events) requireSafeInteger(e.at, 'at');
    const answer = toJson(record.answer);
    const effects = toJson(record.effects);
    return this.db.transaction(async (tx): Promise<CommitResult> => {
      const earlier = await selectOne(tx, record.commandId);
      if (earlier) return { status: 'duplicate', existing: earlier };
      const applied = isApplied(record);
      const boards = events.map((e) => e.boardId);
      if (applied) boards.push(record.boardId);
      await lockBoards(tx, boards);
      let seq: number | null = null;
      if (applied) {
        const [row] = await tx.rows<{ m: string | null }>('SELECT max(seq) AS m FROM commands WHERE board_id = $1', [record.boardId]);
        seq = (row?.m == null ? 0 : toInt(row.m, 'command seq')) + 1;
      }
      const inserted = await tx.run(
        `INSERT INTO commands (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (command_id) DO NOTHING`,
        [record.commandId, record.boardId, seq, record.actor, record.type, record.at, answer, effects],
      );
      if (inserted === 0) {
        const existing = await selectOne(tx, record.commandId);
        if (!existing) throw new Error(`command "${record.commandId}" conflicted but cannot be read back`);
        return { status: 'duplicate', existing };
      }
      await insertEvents(tx, events);
      return { status: 'committed', seq };
    });
  }

  async get(commandId: string): Promise<StoredCommand | null> {
    return selectOne(this.db, commandId);
  }

  async listApplied(boardId: string, afterSeq: number): Promise<StoredCommand[]> {
    const rows = await this.db.rows<CommandRow>(
      `SELECT ${COLUMNS} FROM commands WHERE board_id = $1 AND seq IS NOT NULL AND seq > $2 ORDER BY seq`,
      [boardId, afterSeq],
    );
    return rows.map(toStored);
  }
}
