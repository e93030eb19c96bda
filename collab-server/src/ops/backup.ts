/**
 * `npm run backup -- <file>`: writes a backup of the configured store (DATABASE_URL, else the
 * SQLite file in BATON_DATA_DIR) to a new file; `.gz` at the end compresses it. Safe while
 * servers run: everything is read from one consistent snapshot. The file holds password
 * hashes, the token secret and every upload: keep it as safe as the database.
 */
import { backupStore } from '@baton/persistence/backup';
import { ConfigError } from '../config';
import { formatBytes, openConfiguredStore, runTool, UsageError } from './configuredStore';

runTool(
  async () => {
    const [file, ...rest] = process.argv.slice(2);
    if (!file || rest.length > 0 || file.startsWith('-')) throw new UsageError('Usage: npm run backup -- <file>   (e.g. backups/baton-2026-01-31.ndjson.gz)');
    const { store, where } = await openConfiguredStore(process.env);
    try {
      const summary = await backupStore(store, file);
      const rows = Object.entries(summary.rows).map(([t, n]) => `${t} ${n}`).join(', ');
      console.log(`Backed up ${where} (schema ${summary.schema}) to ${file}: ${summary.documents} documents; rows: ${rows || 'none'}; ${formatBytes(summary.bytes)} before compression`);
    } finally {
      await store.close();
    }
  },
  (e) => e instanceof UsageError || e instanceof ConfigError || (e as NodeJS.ErrnoException).code === 'EEXIST',
);
