// Answered commands: idempotency by command id, a per-board sequence for applied ones.
import type { BatchCommitResult, CommandBatchEntry, CommandRecord, CommitResult, EventRecord, StoredCommand } from '../Store';
import { batchBoardId, isApplied, singleResult } from '../sqlite/commands';
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

/** The first entry of the batch whose command id is already recorded, if any. */
async function firstRecorded(ex: Executor, ids: readonly string[]): Promise<{ index: number; existing: StoredCommand } | null> {
  const rows = await ex.rows<CommandRow>(`SELECT ${COLUMNS} FROM commands WHERE command_id = ANY($1::text[])`, [ids]);
  const byId = new Map(rows.map((row) => [row.command_id, row]));
  for (const [index, id] of ids.entries()) {
    const row = byId.get(id);
    if (row) return { index, existing: toStored(row) };
  }
  return null;
}

/** Thrown inside the transaction to roll it back when a racing writer committed one of the ids first. */
class RacedDuplicate extends Error {
  constructor(readonly commandId: string) {
    super(`command "${commandId}" was committed by another writer meanwhile`);
  }
}

export class CommandTable {
  constructor(private readonly db: Db) {}

  async commit(record: CommandRecord, events: readonly EventRecord[]): Promise<CommitResult> {
    return singleResult(await this.commitBatch([{ record, events }]));
  }

  /**
   * One transaction. The board's advisory lock (see `lockBoards`) is taken before reading its
   * last seq and held until commit, so processes sharing the database allocate seqs one at a
   * time; UNIQUE (board_id, seq) stays as a backstop. A racing commit of the same command id
   * is settled by the primary key: ON CONFLICT DO NOTHING waits for it; if it committed, this
   * transaction rolls back and the ids are read again to name the first recorded one.
   */
  async commitBatch(batch: ReadonlyArray<CommandBatchEntry>): Promise<BatchCommitResult> {
    if (batch.length === 0) return { status: 'committed', seqs: [] };
    const boardId = batchBoardId(batch);
    for (const { record, events } of batch) {
      requireSafeInteger(record.at, 'at');
      for (const e of events) requireSafeInteger(e.at, 'at');
    }
    const ids = batch.map(({ record }) => record.commandId);
    const applied = batch.map(({ record }) => isApplied(record));
    const allEvents = batch.flatMap(({ events }) => events);
    try {
      return await this.db.transaction(async (tx): Promise<BatchCommitResult> => {
        const earlier = await firstRecorded(tx, ids);
        if (earlier) return { status: 'duplicate', ...earlier };
        const boards = allEvents.map((e) => e.boardId);
        if (applied.includes(true)) boards.push(boardId);
        await lockBoards(tx, boards);
        let last = 0;
        if (applied.includes(true)) {
          const [row] = await tx.rows<{ m: string | null }>('SELECT max(seq) AS m FROM commands WHERE board_id = $1', [boardId]);
          last = row?.m == null ? 0 : toInt(row.m, 'command seq');
        }
        const seqs = applied.map((isSeq) => (isSeq ? ++last : null));
        // One statement for the whole batch (seqs are already assigned in batch order); RETURNING names
        // the rows inserted. Rows go in id order, so two batches sharing ids wait on each other's
        // uncommitted rows in the same order and cannot deadlock.
        const inserted = await tx.rows<{ command_id: string }>(
          `INSERT INTO commands (${COLUMNS})
           SELECT id, $2::text, s, a, t, at, ans, eff
           FROM unnest($1::text[], $3::bigint[], $4::text[], $5::text[], $6::bigint[], $7::text[], $8::text[])
             AS u(id, s, a, t, at, ans, eff)
           ORDER BY id
           ON CONFLICT (command_id) DO NOTHING
           RETURNING command_id`,
          [
            ids,
            boardId,
            seqs,
            batch.map(({ record }) => record.actor),
            batch.map(({ record }) => record.type),
            batch.map(({ record }) => record.at),
            batch.map(({ record }) => toJson(record.answer)),
            batch.map(({ record }) => toJson(record.effects)),
          ],
        );
        if (inserted.length !== ids.length) {
          const written = new Set(inserted.map((row) => row.command_id));
          throw new RacedDuplicate(ids.find((id) => !written.has(id)) ?? '?');
        }
        await insertEvents(tx, allEvents);
        return { status: 'committed', seqs };
      });
    } catch (error) {
      if (!(error instanceof RacedDuplicate)) throw error;
      // Rolled back; the racing writer has committed, so the id reads back now.
      const recorded = await firstRecorded(this.db, ids);
      if (!recorded) throw new Error(`command "${error.commandId}" conflicted but cannot be read back`);
      return { status: 'duplicate', ...recorded };
    }
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
