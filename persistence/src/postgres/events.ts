// The event log behind every report: append-only, read per board, card or type.
//
// Event ids come from one identity sequence; Postgres may commit inserts in another order than
// they drew their ids, and a reader paging with `afterId` would then skip an event committed
// late with a lower id. Every transaction that writes events first takes a transaction-scoped
// advisory lock per board it writes to, so one board's ids are drawn and committed in order.
import type { EventQuery, EventRecord, StoredEvent } from '../Store';
import { clampLimit } from '../sqlite/events';
import { fromJson, requireSafeInteger, toInt, toJson } from './codec';
import type { Db, Executor } from './db';

interface EventRow {
  id: string;
  board_id: string;
  card_id: string | null;
  type: string;
  actor: string;
  at: string;
  data: string;
}

function toStored(row: EventRow): StoredEvent {
  return {
    id: toInt(row.id, 'event id'),
    boardId: row.board_id,
    cardId: row.card_id,
    type: row.type,
    actor: row.actor,
    at: toInt(row.at, 'event time'),
    data: fromJson<Record<string, unknown>>(row.data),
  };
}

/**
 * Takes the per-board write locks (held until the transaction ends), in key order so two
 * transactions locking several boards cannot deadlock. Keys include the schema, so separate
 * deployments sharing one database do not contend.
 */
export async function lockBoards(tx: Executor, boardIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(boardIds)];
  if (ids.length === 0) return;
  await tx.rows(
    `SELECT pg_advisory_xact_lock(k) FROM (
       SELECT DISTINCT hashtextextended('baton.board:' || current_schema() || ':' || b, 0) AS k
       FROM unnest($1::text[]) AS b ORDER BY k
     ) AS keys`,
    [ids],
  );
}

/** Inserts rows in the caller's transaction, which must hold `lockBoards` for their boards. */
export async function insertEvents(tx: Executor, events: readonly EventRecord[]): Promise<void> {
  if (events.length === 0) return;
  for (const e of events) requireSafeInteger(e.at, 'at');
  // One statement for any number of rows; ids are drawn in the given order.
  await tx.run(
    `INSERT INTO events (board_id, card_id, type, actor, at, data)
     SELECT b, c, t, a, at, d
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[]) WITH ORDINALITY AS u(b, c, t, a, at, d, n)
     ORDER BY n`,
    [
      events.map((e) => e.boardId),
      events.map((e) => e.cardId),
      events.map((e) => e.type),
      events.map((e) => e.actor),
      events.map((e) => e.at),
      events.map((e) => toJson(e.data)),
    ],
  );
}

export class EventTable {
  constructor(private readonly db: Db) {}

  async append(events: readonly EventRecord[]): Promise<void> {
    if (events.length === 0) return;
    await this.db.transaction(async (tx) => {
      await lockBoards(tx, events.map((e) => e.boardId));
      await insertEvents(tx, events);
    });
  }

  async list(query: EventQuery): Promise<StoredEvent[]> {
    const params: unknown[] = [query.boardId, query.afterId ?? 0];
    const where = ['board_id = $1', 'id > $2'];
    if (query.cardId !== undefined) {
      params.push(query.cardId);
      where.push(`card_id = $${params.length}`);
    }
    if (query.types !== undefined) {
      // An empty `types` list matches no event.
      params.push(query.types);
      where.push(`type = ANY($${params.length}::text[])`);
    }
    params.push(clampLimit(query.limit));
    const rows = await this.db.rows<EventRow>(
      `SELECT id, board_id, card_id, type, actor, at, data FROM events WHERE ${where.join(' AND ')}
       ORDER BY id ${query.newestFirst === true ? 'DESC' : 'ASC'} LIMIT $${params.length}`,
      params,
    );
    return rows.map(toStored);
  }
}
