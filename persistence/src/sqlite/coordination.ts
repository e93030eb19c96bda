// Settings (key/value) and expiring named locks shared by every process using the file.
import type { Database } from 'better-sqlite3';
import { requireSafeInteger } from './codec';

export class CoordinationTables {
  private readonly selectSetting;
  private readonly insertSettingIfAbsent;
  private readonly upsertSetting;
  private readonly takeLock;
  private readonly dropLock;
  private readonly setIfAbsentTx;

  constructor(db: Database) {
    this.selectSetting = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
    this.insertSettingIfAbsent = db.prepare<[string, string]>('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)');
    this.upsertSetting = db.prepare<[string, string]>(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    // One statement: insert when free; otherwise take over only an expired lock or renew one's own.
    this.takeLock = db.prepare<[{ name: string; holder: string; expiresAt: number; now: number }]>(
      `INSERT INTO locks (name, holder, expires_at) VALUES (@name, @holder, @expiresAt)
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
       WHERE locks.holder = excluded.holder OR locks.expires_at <= @now`,
    );
    this.dropLock = db.prepare<[string, string]>('DELETE FROM locks WHERE name = ? AND holder = ?');
    this.setIfAbsentTx = db.transaction((key: string, value: string): string => {
      this.insertSettingIfAbsent.run(key, value);
      const row = this.selectSetting.get(key);
      if (!row) throw new Error(`setting "${key}" vanished while being set`);
      return row.value;
    });
  }

  getSetting(key: string): string | null {
    return this.selectSetting.get(key)?.value ?? null;
  }

  setSettingIfAbsent(key: string, value: string): string {
    return this.setIfAbsentTx.immediate(key, value);
  }

  setSetting(key: string, value: string): void {
    this.upsertSetting.run(key, value);
  }

  acquireLock(name: string, holder: string, ttlMs: number, now: number): boolean {
    requireSafeInteger(now, 'now');
    if (!Number.isSafeInteger(ttlMs) || ttlMs <= 0) throw new TypeError(`ttlMs must be a positive integer, got ${ttlMs}`);
    return this.takeLock.run({ name, holder, expiresAt: now + ttlMs, now }).changes === 1;
  }

  releaseLock(name: string, holder: string): void {
    this.dropLock.run(name, holder);
  }
}
