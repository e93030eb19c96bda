// A pg.Pool behind a closed flag, with one-statement helpers and transactions on a pooled client.
import type { Pool, PoolClient, QueryResultRow } from 'pg';

/** What table code runs statements on: the pool (autocommit) or a transaction's client. */
export interface Executor {
  rows<R extends QueryResultRow>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs a statement and returns how many rows it affected. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
}

export interface TransactionOptions {
  isolation?: 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';
  readOnly?: boolean;
}

class ClientExecutor implements Executor {
  constructor(private readonly client: PoolClient) {}
  async rows<R extends QueryResultRow>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
    return (await this.client.query<R>(sql, [...params])).rows;
  }
  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return (await this.client.query(sql, [...params])).rowCount ?? 0;
  }
}

export class Db implements Executor {
  private closed = false;

  constructor(
    private readonly pool: Pool,
    private readonly label: string,
  ) {}

  private check(): void {
    if (this.closed) throw new Error(`PostgresStore is closed (${this.label})`);
  }

  async rows<R extends QueryResultRow>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
    this.check();
    return (await this.pool.query<R>(sql, [...params])).rows;
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    this.check();
    return (await this.pool.query(sql, [...params])).rowCount ?? 0;
  }

  /** Runs `fn` in one transaction on one pooled connection; commits if it resolves, rolls back if it throws. */
  async transaction<T>(fn: (tx: Executor) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    this.check();
    const client = await this.pool.connect();
    let broken: Error | undefined;
    const mode = `${options.isolation ?? 'READ COMMITTED'}${options.readOnly ? ' READ ONLY' : ''}`;
    try {
      await client.query(`BEGIN ISOLATION LEVEL ${mode}`);
      const result = await fn(new ClientExecutor(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: unknown) => {
        // A connection that cannot even roll back is destroyed instead of going back to the pool.
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
