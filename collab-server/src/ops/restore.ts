/**
 * `npm run restore -- <file> [--force]`: restores a backup into the configured store
 * (DATABASE_URL, else the SQLite file in BATON_DATA_DIR), which must be empty — `--force`
 * wipes it first. Stop every server using the store before restoring, and start them after.
 * Every document gets a new epoch (also written into each board document's meta), so browsers
 * throw their cached copies away instead of merging stale history back.
 */
import { restoreStore, RestoreRefused } from '@baton/persistence/backup';
import { randomUUID } from 'node:crypto';
import { ConfigError } from '../config';
import { writeEpochIntoBoard } from './boardEpoch';
import { openConfiguredStore, runTool, UsageError } from './configuredStore';

runTool(
  async () => {
    const args = process.argv.slice(2);
    const force = args.includes('--force');
    const files = args.filter((a) => a !== '--force');
    if (files.length !== 1 || files[0]!.startsWith('-')) throw new UsageError('Usage: npm run restore -- <file> [--force]   (--force wipes a store that holds data)');
    const file = files[0]!;
    const { store, where } = await openConfiguredStore(process.env);
    try {
      const report = await restoreStore(store, file, { force, newEpoch: randomUUID, prepareDocument: writeEpochIntoBoard });
      const rows = Object.entries(report.rows).map(([t, n]) => `${t} ${n}`).join(', ');
      console.log(
        `Restored ${file} (from ${report.source}, schema ${report.schema}) into ${where}${report.wiped ? ' after wiping it' : ''}: ` +
          `${report.documents} documents, each with a new epoch; rows: ${rows || 'none'}`,
      );
    } finally {
      await store.close();
    }
  },
  (e) => e instanceof UsageError || e instanceof ConfigError || e instanceof RestoreRefused,
);
