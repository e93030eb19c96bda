// Answered commands: idempotency by command id, a per-board sequence for applied ones.
import type { Database } from 'better-sqlite3';
import type { BatchCommitResult, CommandBatchEntry, CommandRecord, CommitResult, EventRecord, StoredCommand } from '../Store';
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

/**
 * The one board a non-empty batch commits to. Records naming different boards, or one command id
 * twice, are caller bugs (not duplicates of something recorded): they throw before anything is written.
 */
export function batchBoardId(batch: ReadonlyArray<CommandBatchEntry>): string {
  const [first] = batch;
  if (!first) throw new Error('an empty batch has no board');
  const ids = new Set<string>();
  for (const { record } of batch) {
    if (record.boardId !== first.record.boardId) {
      throw new Error(`a command batch must name one board, got "${first.record.boardId}" and "${record.boardId}"`);
    }
    if (ids.has(record.commandId)) throw new Error(`command "${record.commandId}" appears twice in one batch`);
    ids.add(record.commandId);
  }
  return first.record.boardId;
}

/** `commitCommand` is a batch of one: its result, in the single-command shape. */
export function singleResult(result: BatchCommitResult): CommitResult {
  if (result.status === 'duplicate') return { status: 'duplicate', existing: result.existing };
  const [seq] = result.seqs;
  if (seq === undefined || result.seqs.length !== 1) throw new Error(`a batch of one committed ${result.seqs.length} commands`);
  return { status: 'committed', seq };
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
    this.commitTx = db.transaction((boardId: string, batch: ReadonlyArray<CommandBatchEntry>): BatchCommitResult => {
      // Every id is checked before the first write, so a duplicate leaves nothing behind.
      for (const [index, { record }] of batch.entries()) {
        const existing = this.selectOne.get(record.commandId);
        if (existing) return { status: 'duplicate', index, existing: toStored(existing) };
      }
      let last = batch.some(({ record }) => isApplied(record)) ? (this.maxSeq.get(boardId)?.m ?? 0) : 0;
      const seqs: Array<number | null> = [];
      for (const { record, events: recordEvents } of batch) {
        const seq = isApplied(record) ? ++last : null;
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
        seqs.push(seq);
      }
      return { status: 'committed', seqs };
    });
  }

  commit(record: CommandRecord, recordEvents: readonly EventRecord[]): CommitResult {
    return singleResult(this.commitBatch([{ record, events: recordEvents }]));
  }

  /** One IMMEDIATE transaction: the write lock is taken before reading the board's last seq. */
  commitBatch(batch: ReadonlyArray<CommandBatchEntry>): BatchCommitResult {
    if (batch.length === 0) return { status: 'committed', seqs: [] };
    return this.commitTx.immediate(batchBoardId(batch), batch);
  }

  get(commandId: string): StoredCommand | null {
    const row = this.selectOne.get(commandId);
    return row ? toStored(row) : null;
  }

  listApplied(boardId: string, afterSeq: number): StoredCommand[] {
    return this.selectApplied.all(boardId, afterSeq).map(toStored);
  }
}
