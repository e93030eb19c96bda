import type { BackupStore } from '@baton/persistence/backup';
import { openPostgresStore, redactUrl } from '@baton/persistence/postgres';
import { openSqliteStore } from '@baton/persistence/sqlite';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configFromEnv } from '../config';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The store the server would use with this environment: DATABASE_URL, else the SQLite file in BATON_DATA_DIR. */
export async function openConfiguredStore(env: NodeJS.ProcessEnv): Promise<{ store: BackupStore; where: string }> {
  const config = configFromEnv(env, repoRoot);
  if (config.databaseUrl) return { store: await openPostgresStore(config.databaseUrl, { poolSize: 2 }), where: `PostgreSQL ${redactUrl(config.databaseUrl)}` };
  const file = path.join(config.dataDir, 'baton.db');
  return { store: await openSqliteStore(file), where: `SQLite ${file}` };
}

/** Runs a command-line tool: usage and refusals exit 2, failures 1. */
export function runTool(main: () => Promise<void>, isRefusal: (error: unknown) => boolean): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? (isRefusal(error) ? error.message : (error.stack ?? error.message)) : String(error));
      process.exit(isRefusal(error) ? 2 : 1);
    },
  );
}

export class UsageError extends Error {}

export const formatBytes = (n: number) => (n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 ** 2).toFixed(1)} MB`);
