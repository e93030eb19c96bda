/**
 * What one durable commit costs on the disk the servers write to: Baton commits every command
 * (SQLite, WAL, synchronous=FULL: one fsync) before anyone sees its change, none of the other
 * peers does. Measured as Baton's moves arrive at 500 clients: one small commit every 40 ms
 * (a disk that was idle for a moment takes several times longer to sync than a busy one).
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { percentile } from './stats';

export interface DiskFloor {
  p50: number;
  p99: number;
  commits: number;
  gapMs: number;
}

const WARMUP = 10;

/** `p50 … ms, p99 … ms`, as the log and the Machine table print a floor. */
export const floorText = (floor: DiskFloor): string => `p50 ${floor.p50.toFixed(2)} ms, p99 ${floor.p99.toFixed(2)} ms`;

export async function measureDiskFloor(commits = 200, gapMs = 40): Promise<DiskFloor> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'baton-bench-disk-'));
  const db = new Database(path.join(dir, 'floor.db'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB)');
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const commit = db.transaction((v: Buffer) => insert.run(v));
    const row = Buffer.alloc(600);
    const times: number[] = [];
    // The first commits also create the log file and grow it: not what a running server pays.
    for (let i = -WARMUP; i < commits; i++) {
      await new Promise((resolve) => setTimeout(resolve, gapMs));
      const t = performance.now();
      commit(row);
      if (i >= 0) times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return { p50: percentile(times, 50), p99: percentile(times, 99), commits, gapMs };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
