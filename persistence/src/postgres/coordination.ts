// Settings (key/value) and expiring named locks shared by every process using the database.
import { requireSafeInteger } from './codec';
import type { Db } from './db';

export class CoordinationTables {
  constructor(private readonly db: Db) {}

  async getSetting(key: string): Promise<string | null> {
    const [row] = await this.db.rows<{ value: string }>('SELECT value FROM settings WHERE key = $1', [key]);
    return row?.value ?? null;
  }

  async setSettingIfAbsent(key: string, value: string): Promise<string> {
    // ON CONFLICT DO NOTHING waits for a racing insert of the key; the select after it is a new
    // statement (READ COMMITTED), so it sees whichever value won.
    const [inserted] = await this.db.rows<{ value: string }>(
      'INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING value',
      [key, value],
    );
    if (inserted) return inserted.value;
    const stored = await this.getSetting(key);
    if (stored === null) throw new Error(`setting "${key}" vanished while being set`);
    return stored;
  }

  async setSetting(key: string, value: string): Promise<void> {
    await this.db.run('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [
      key,
      value,
    ]);
  }

  /**
   * One atomic statement: insert when free; otherwise take over only an expired lock or renew
   * one's own. Racing acquirers of one name are serialised by the primary key: the later ones
   * wait for the first, then evaluate the WHERE against the row it wrote.
   */
  async acquireLock(name: string, holder: string, ttlMs: number, now: number): Promise<boolean> {
    requireSafeInteger(now, 'now');
    if (!Number.isSafeInteger(ttlMs) || ttlMs <= 0) throw new TypeError(`ttlMs must be a positive integer, got ${ttlMs}`);
    const expiresAt = requireSafeInteger(now + ttlMs, 'lock expiry');
    const rows = await this.db.rows<{ holder: string }>(
      `INSERT INTO locks (name, holder, expires_at) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
       WHERE locks.holder = excluded.holder OR locks.expires_at <= $4
       RETURNING holder`,
      [name, holder, expiresAt, now],
    );
    return rows.length === 1 && rows[0]?.holder === holder;
  }

  async releaseLock(name: string, holder: string): Promise<void> {
    await this.db.run('DELETE FROM locks WHERE name = $1 AND holder = $2', [name, holder]);
  }
}
