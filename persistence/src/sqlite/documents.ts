// Yjs documents: one row per document plus an append-only update log, compacted into a snapshot.
import type { Database } from 'better-sqlite3';
import type { LoadedDocument } from '../Store';
import { blobToBytes, bytesToBlob, nullableBlobToBytes, requireSafeInteger, rowId } from './codec';

interface DocumentRow {
  epoch: string;
  snapshot: Uint8Array | null;
  compacted_upto: number;
}

interface UpdateRow {
  seq: number;
  data: Uint8Array;
}

export class DocumentTable {
  private readonly selectDoc;
  private readonly insertDoc;
  private readonly selectUpdates;
  private readonly insertUpdate;
  private readonly countDocUpdates;
  private readonly maxDocSeq;
  private readonly writeSnapshot;
  private readonly deleteUpdatesUpto;
  private readonly deleteAllUpdates;
  private readonly writeReset;
  private readonly writeEpoch;
  private readonly compactTx;
  private readonly resetTx;
  private readonly loadTx;
  private readonly countTx;
  private readonly relaxed;
  private readonly durable;

  constructor(db: Database) {
    // A relaxed append puts back whatever level the connection was opened with (FULL, see index.ts).
    const level = Number(db.pragma('synchronous', { simple: true }));
    this.relaxed = level > 1 ? db.prepare('PRAGMA synchronous = NORMAL') : null;
    this.durable = db.prepare(`PRAGMA synchronous = ${level}`);
    this.selectDoc = db.prepare<[string], DocumentRow>('SELECT epoch, snapshot, compacted_upto FROM documents WHERE name = ?');
    this.insertDoc = db.prepare<[string, string, number]>(
      'INSERT OR IGNORE INTO documents (name, epoch, created_at) VALUES (?, ?, ?)',
    );
    this.selectUpdates = db.prepare<[string, number], UpdateRow>(
      'SELECT seq, data FROM updates WHERE doc_name = ? AND seq > ? ORDER BY seq',
    );
    // Appends only to a known document: zero changes means the document does not exist.
    this.insertUpdate = db.prepare<[string, Uint8Array, string]>(
      'INSERT INTO updates (doc_name, data) SELECT ?, ? WHERE EXISTS (SELECT 1 FROM documents WHERE name = ?)',
    );
    this.countDocUpdates = db.prepare<[string, number], { n: number }>(
      'SELECT COUNT(*) AS n FROM updates WHERE doc_name = ? AND seq > ?',
    );
    this.maxDocSeq = db.prepare<[string], { m: number | null }>('SELECT MAX(seq) AS m FROM updates WHERE doc_name = ?');
    this.writeSnapshot = db.prepare<[Uint8Array, number, string]>(
      'UPDATE documents SET snapshot = ?, compacted_upto = ? WHERE name = ?',
    );
    this.deleteUpdatesUpto = db.prepare<[string, number]>('DELETE FROM updates WHERE doc_name = ? AND seq <= ?');
    this.deleteAllUpdates = db.prepare<[string]>('DELETE FROM updates WHERE doc_name = ?');
    this.writeReset = db.prepare<[Uint8Array, string, number, string]>(
      'UPDATE documents SET snapshot = ?, epoch = ?, compacted_upto = ? WHERE name = ?',
    );

    this.writeEpoch = db.prepare<[string, string]>('UPDATE documents SET epoch = ? WHERE name = ?');
    this.compactTx = db.transaction((name: string, merged: Uint8Array, uptoSeq: number) => {
      const doc = this.requireDoc(name);
      // A compaction that folds nothing new, or was planned before a newer compaction or a
      // reset (which moves compacted_upto past every earlier seq), would only lose data.
      if (uptoSeq <= doc.compacted_upto) return;
      this.writeSnapshot.run(merged, uptoSeq, name); // snapshot first ...
      this.deleteUpdatesUpto.run(name, uptoSeq); // ... then the rows it contains
    });
    this.resetTx = db.transaction((name: string, state: Uint8Array, epoch: string) => {
      const doc = this.requireDoc(name);
      // Every seq handed out so far for this document is now history, including ones a
      // compaction in flight may still refer to.
      const upto = Math.max(doc.compacted_upto, this.maxDocSeq.get(name)?.m ?? 0);
      this.writeReset.run(state, epoch, upto, name);
      this.deleteAllUpdates.run(name);
    });
    this.loadTx = db.transaction((name: string) => this.loadRows(name));
    this.countTx = db.transaction((name: string) => this.countRows(name));
  }

  private requireDoc(name: string): DocumentRow {
    const doc = this.selectDoc.get(name);
    if (!doc) throw new Error(`unknown document "${name}" (call ensureDocument first)`);
    return doc;
  }

  ensure(name: string, makeEpoch: () => string): { epoch: string; created: boolean } {
    const existing = this.selectDoc.get(name);
    if (existing) return { epoch: existing.epoch, created: false };
    // Another process may insert between the select and here: INSERT OR IGNORE keeps
    // whichever row came first and the select below returns it.
    const created = this.insertDoc.run(name, makeEpoch(), Date.now()).changes === 1;
    return { epoch: this.requireDoc(name).epoch, created };
  }

  /** Snapshot and update rows are read in one transaction, so a concurrent compaction cannot slip between them. */
  load(name: string): LoadedDocument | null {
    return this.loadTx(name);
  }

  private loadRows(name: string): LoadedDocument | null {
    const doc = this.selectDoc.get(name);
    if (!doc) return null;
    const updates = this.selectUpdates.all(name, doc.compacted_upto).map((row) => ({
      seq: row.seq,
      data: blobToBytes(row.data),
    }));
    return { epoch: doc.epoch, snapshot: nullableBlobToBytes(doc.snapshot), updates };
  }

  /**
   * `replayable`: committed without its own fsync (synchronous=NORMAL for this one statement):
   * in WAL mode the row is in the log file at once and on disk with the next FULL commit,
   * which syncs the whole log. Each fsync blocks the event loop (0.3 ms alone, several ms on
   * a machine busy with hundreds of sockets), and a command already made one for its record.
   */
  append(name: string, update: Uint8Array, replayable = false): number {
    const relaxed = replayable ? this.relaxed : null;
    relaxed?.run();
    try {
      const info = this.insertUpdate.run(name, bytesToBlob(update), name);
      if (info.changes !== 1) throw new Error(`cannot append an update to unknown document "${name}" (call ensureDocument first)`);
      return rowId(info.lastInsertRowid);
    } finally {
      if (relaxed) this.durable.run();
    }
  }

  compact(name: string, merged: Uint8Array, uptoSeq: number): void {
    this.compactTx.immediate(name, bytesToBlob(merged), requireSafeInteger(uptoSeq, 'uptoSeq'));
  }

  reset(name: string, state: Uint8Array, epoch: string): void {
    this.resetTx.immediate(name, bytesToBlob(state), epoch);
  }

  setEpoch(name: string, epoch: string): void {
    if (this.writeEpoch.run(epoch, name).changes !== 1) throw new Error(`unknown document "${name}" (call ensureDocument first)`);
  }

  count(name: string): number {
    return this.countTx(name);
  }

  private countRows(name: string): number {
    const doc = this.selectDoc.get(name);
    if (!doc) return 0;
    return this.countDocUpdates.get(name, doc.compacted_upto)?.n ?? 0;
  }
}
