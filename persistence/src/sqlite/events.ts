// The event log behind every report: append-only, read per board, card or type.
import type { Database, Statement } from 'better-sqlite3';
import type { EventQuery, EventRecord, StoredEvent } from '../Store';
import { fromJson, requireSafeInteger, toJson } from './codec';

export const DEFAULT_EVENT_LIMIT = 1000;
export const MAX_EVENT_LIMIT = 10_000;

interface EventRow {
  id: number;
  board_id: string;
  card_id: string | null;
  type: string;
  actor: string;
  at: number;
  data: string;
}

interface QueryParams {
  boardId: string;
  cardId: string | null;
  types: string | null;
  afterId: number;
  limit: number;
}

function toStored(row: EventRow): StoredEvent {
  return {
    id: row.id,
    boardId: row.board_id,
    cardId: row.card_id,
    type: row.type,
    actor: row.actor,
    at: row.at,
    data: fromJson<Record<string, unknown>>(row.data),
  };
}

export function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_EVENT_LIMIT;
  return Math.min(Math.max(Math.floor(limit), 0), MAX_EVENT_LIMIT);
}

export class EventTable {
  private readonly db: Database;
  private readonly insert;
  private readonly appendTx;
  /** One prepared statement per query shape (card filter, type filter, order), built on first use. */
  private readonly queries = new Map<string, Statement<[QueryParams], EventRow>>();

  constructor(db: Database) {
    this.db = db;
    this.insert = db.prepare<[string, string | null, string, string, number, string]>(
      'INSERT INTO events (board_id, card_id, type, actor, at, data) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.appendTx = db.transaction((events: readonly EventRecord[]) => this.insertAll(events));
  }

  /** Inserts rows in the caller's transaction (used by command commits). */
  insertAll(events: readonly EventRecord[]): void {
    for (const e of events) {
      this.insert.run(e.boardId, e.cardId, e.type, e.actor, requireSafeInteger(e.at, 'at'), toJson(e.data));
    }
  }

  append(events: readonly EventRecord[]): void {
    if (events.length > 0) this.appendTx.immediate(events);
  }

  list(query: EventQuery): StoredEvent[] {
    const byCard = query.cardId !== undefined;
    const byType = query.types !== undefined;
    const newestFirst = query.newestFirst === true;
    const params: QueryParams = {
      boardId: query.boardId,
      cardId: query.cardId ?? null,
      types: query.types === undefined ? null : toJson(query.types),
      afterId: query.afterId ?? 0,
      limit: clampLimit(query.limit),
    };
    return this.statement(byCard, byType, newestFirst).all(params).map(toStored);
  }

  private statement(byCard: boolean, byType: boolean, newestFirst: boolean): Statement<[QueryParams], EventRow> {
    const key = `${byCard ? 'c' : '-'}${byType ? 't' : '-'}${newestFirst ? 'd' : 'a'}`;
    let statement = this.queries.get(key);
    if (!statement) {
      const where = ['board_id = @boardId', 'id > @afterId'];
      if (byCard) where.push('card_id = @cardId');
      // An empty `types` list matches no event.
      if (byType) where.push('type IN (SELECT value FROM json_each(@types))');
      statement = this.db.prepare<[QueryParams], EventRow>(
        `SELECT id, board_id, card_id, type, actor, at, data FROM events WHERE ${where.join(' AND ')}
         ORDER BY id ${newestFirst ? 'DESC' : 'ASC'} LIMIT @limit`,
      );
      this.queries.set(key, statement);
    }
    return statement;
  }
}
