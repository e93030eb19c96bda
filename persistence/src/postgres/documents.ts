// Yjs documents: one row per document plus an append-only update log, compacted into a snapshot.
//
// Update seqs come from one identity sequence, and Postgres may commit two inserts in another
// order than they drew their seqs. If that happened within one document, a loader could see
// seq 7 without seq 6, compact up to 7, and seq 6 (committed a moment later) would fall below
// `compacted_upto` and vanish. So every append, compaction and reset of a document first locks
// its `documents` row (FOR NO KEY UPDATE, held until commit): one document's seqs are drawn and
// committed in the same order, and what any snapshot sees of its log is a prefix of it.
import type { LoadedDocument } from '../Store';
import { bytesParam, requireSafeInteger, toBytes, toInt, toNullableBytes } from './codec';
import type { Db, Executor } from './db';

interface DocumentRow {
  epoch: string;
  snapshot: Uint8Array | null;
  compacted_upto: string;
}

const LOCK_DOC = 'SELECT compacted_upto FROM documents WHERE name = $1 FOR NO KEY UPDATE';

const unknownDocument = (name: string) => new Error(`unknown document "${name}" (call ensureDocument first)`);

export class DocumentTable {
  constructor(private readonly db: Db) {}

  private async lockDoc(tx: Executor, name: string): Promise<number> {
    const [row] = await tx.rows<{ compacted_upto: string }>(LOCK_DOC, [name]);
    if (!row) throw unknownDocument(name);
    return toInt(row.compacted_upto, 'compacted_upto');
  }

  async ensure(name: string, makeEpoch: () => string): Promise<{ epoch: string; created: boolean }> {
    const select = 'SELECT epoch FROM documents WHERE name = $1';
    const [existing] = await this.db.rows<{ epoch: string }>(select, [name]);
    if (existing) return { epoch: existing.epoch, created: false };
    // Another process may insert between the select and here: ON CONFLICT DO NOTHING waits for
    // it and keeps whichever row came first, and the select below (a new snapshot) returns it.
    const [inserted] = await this.db.rows<{ epoch: string }>(
      'INSERT INTO documents (name, epoch, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING RETURNING epoch',
      [name, makeEpoch(), Date.now()],
    );
    if (inserted) return { epoch: inserted.epoch, created: true };
    const [winner] = await this.db.rows<{ epoch: string }>(select, [name]);
    if (!winner) throw new Error(`document "${name}" vanished while being created`);
    return { epoch: winner.epoch, created: false };
  }

  /** Snapshot and update rows are read in one REPEATABLE READ snapshot, so a concurrent compaction cannot slip between them. */
  async load(name: string): Promise<LoadedDocument | null> {
    return this.db.transaction(
      async (tx) => {
        const [doc] = await tx.rows<DocumentRow>('SELECT epoch, snapshot, compacted_upto FROM documents WHERE name = $1', [name]);
        if (!doc) return null;
        const rows = await tx.rows<{ seq: string; data: Uint8Array }>(
          'SELECT seq, data FROM updates WHERE doc_name = $1 AND seq > $2 ORDER BY seq',
          [name, doc.compacted_upto],
        );
        const updates = rows.map((row) => ({ seq: toInt(row.seq, 'update seq'), data: toBytes(row.data) }));
        return { epoch: doc.epoch, snapshot: toNullableBytes(doc.snapshot), updates };
      },
      { isolation: 'REPEATABLE READ', readOnly: true },
    );
  }

  /** One statement (so one transaction): lock the document row, then draw the seq and insert. */
  async append(name: string, update: Uint8Array): Promise<number> {
    const [row] = await this.db.rows<{ seq: string }>(
      `WITH doc AS (SELECT name FROM documents WHERE name = $1 FOR NO KEY UPDATE)
       INSERT INTO updates (doc_name, data) SELECT doc.name, $2 FROM doc RETURNING seq`,
      [name, bytesParam(update)],
    );
    if (!row) throw new Error(`cannot append an update to unknown document "${name}" (call ensureDocument first)`);
    return toInt(row.seq, 'update seq');
  }

  async compact(name: string, merged: Uint8Array, uptoSeq: number): Promise<void> {
    const data = bytesParam(merged);
    requireSafeInteger(uptoSeq, 'uptoSeq');
    await this.db.transaction(async (tx) => {
      const compactedUpto = await this.lockDoc(tx, name);
      // A compaction that folds nothing new, or was planned before a newer compaction or a
      // reset (which moves compacted_upto past every earlier seq), would only lose data.
      if (uptoSeq <= compactedUpto) return;
      await tx.run('UPDATE documents SET snapshot = $2, compacted_upto = $3 WHERE name = $1', [name, data, uptoSeq]); // snapshot first ...
      await tx.run('DELETE FROM updates WHERE doc_name = $1 AND seq <= $2', [name, uptoSeq]); // ... then the rows it contains
    });
  }

  async reset(name: string, state: Uint8Array, epoch: string): Promise<void> {
    const data = bytesParam(state);
    await this.db.transaction(async (tx) => {
      const compactedUpto = await this.lockDoc(tx, name);
      // Every seq handed out so far for this document is now history, including ones a
      // compaction in flight may still refer to. Appends wait for the row lock, so none is
      // half-done here.
      const [max] = await tx.rows<{ m: string | null }>('SELECT max(seq) AS m FROM updates WHERE doc_name = $1', [name]);
      const upto = Math.max(compactedUpto, max?.m == null ? 0 : toInt(max.m, 'update seq'));
      await tx.run('UPDATE documents SET snapshot = $2, epoch = $3, compacted_upto = $4 WHERE name = $1', [name, data, epoch, upto]);
      await tx.run('DELETE FROM updates WHERE doc_name = $1', [name]);
    });
  }

  async setEpoch(name: string, epoch: string): Promise<void> {
    if ((await this.db.run('UPDATE documents SET epoch = $2 WHERE name = $1', [name, epoch])) !== 1) throw unknownDocument(name);
  }

  /** One statement, so the document row and its updates are read from one snapshot. */
  async count(name: string): Promise<number> {
    const [row] = await this.db.rows<{ n: string }>(
      `SELECT count(*) AS n FROM updates u JOIN documents d ON d.name = u.doc_name
       WHERE d.name = $1 AND u.seq > d.compacted_upto`,
      [name],
    );
    return row ? toInt(row.n, 'update count') : 0;
  }
}
