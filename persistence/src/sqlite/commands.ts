// Answered commands: idempotency by command id, a per-board sequence for applied ones.
import type { Database } from 'better-sqlite3';
import type { CommandRecord, CommitResult, EventRecord, StoredCommand } from '../Store';
import { fromJson, requireSafeInteger, toJson } from './codec';
import type { EventTable } from './events';

interface CommandRow {
  command_id: string;
  board_id: string;
  seq: number | null;
  actor: string;
  type: string;
  at: number;
  answer: string;
  effects: string;
}

const COLUMNS = 'command_id, board_id, seq, actor, type, at, answer, effects';

function toStored(row: CommandRow): StoredCommand {
  return {
    commandId: row.command_id,
    boardId: row.board_id,
    seq: row.seq,
    actor: row.actor,
    type: row.type,
    at: row.at,
    answer: fromJson<StoredCommand['answer']>(row.answer),
    effects: fromJson<StoredCommand['effects']>(row.effects),
  };
}

/** Only an `ack` that changed something is applied, and only applied commands get a sequence number. */
export function isApplied(record: CommandRecord): boolean {
  return record.answer.type === 'ack' && record.effects.length > 0;
}

export class CommandTable {
  private readonly selectOne;
  private readonly selectApplied;
  private readonly maxSeq;
  private readonly insert;
  private readonly commitTx;

  constructor(db: Database, events: EventTable) {
    this.selectOne = db.prepare<[string], CommandRow>(`SELECT ${COLUMNS} FROM commands WHERE command_id = ?`);
    this.selectApplied = db.prepare<[string, number], CommandRow>(
      `SELECT ${COLUMNS} FROM commands WHERE board_id = ? AND seq IS NOT NULL AND seq > ? ORDER BY seq`,
    );
    this.maxSeq = db.prepare<[string], { m: number | null }>('SELECT MAX(seq) AS m FROM commands WHERE board_id = ?');
    this.insert = db.prepare<[string, string, number | null, string, string, number, string, string]>(
      `INSERT INTO commands (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.commitTx = db.transaction((record: CommandRecord, recordEvents: readonly EventRecord[]): CommitResult => {
      const existing = this.selectOne.get(record.commandId);
      if (existing) return { status: 'duplicate', existing: toStored(existing) };
      const seq = isApplied(record) ? (this.maxSeq.get(record.boardId)?.m ?? 0) + 1 : null;
      this.insert.run(
        record.commandId,
        record.boardId,
        seq,
        record.actor,
        record.type,
        requireSafeInteger(record.at, 'at'),
        toJson(record.answer),
        toJson(record.effects),
      );
      events.insertAll(recordEvents);
      return { status: 'committed', seq };
    });
  }

  /** IMMEDIATE: the write lock is taken before reading the board's last seq. */
  commit(record: CommandRecord, recordEvents: readonly EventRecord[]): CommitResult {
    return this.commitTx.immediate(record, recordEvents);
  }

  get(commandId: string): StoredCommand | null {
    const row = this.selectOne.get(commandId);
    return row ? toStored(row) : null;
  }

  listApplied(boardId: string, afterSeq: number): StoredCommand[] {
    return this.selectApplied.all(boardId, afterSeq).map(toStored);
  }
}
