import { DATABASE_URL, rawPool } from '@baton/persistence/testing';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';

/** A fresh PostgreSQL database on the test server, and how to drop it. */
export async function freshDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = rawPool();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const pool = rawPool();
      try {
        await pool.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await pool.end();
      }
    },
  };
}

/** A fresh database for the enclosing suite, dropped afterwards (kept, with its URL printed, when CRASH_KEEP=1). */
export function useFreshDatabase(prefix: string): () => string {
  let db: Awaited<ReturnType<typeof freshDatabase>> | null = null;
  beforeAll(async () => {
    db = await freshDatabase(prefix);
  });
  afterAll(async () => {
    if (process.env.CRASH_KEEP === '1') console.log(`kept ${db?.url}`);
    else await db?.drop();
  });
  return () => {
    if (!db) throw new Error('the database is created in beforeAll');
    return db.url;
  };
}
