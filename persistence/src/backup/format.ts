// The backup file: NDJSON (one JSON value per line), gzip-compressed when the file name ends
// in `.gz`. Line 1 is a header, then one line per document and per batch of table rows, and a
// last line with the counts; a file without it is incomplete and is refused. Bytes (document
// states, attachment data) are base64. The version changes only when old readers could not
// read the file; the schema number says which migrations the data comes from.
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import type { BackupItem, BackupRow, BackupValue } from './io';

export const BACKUP_FORMAT = 'baton-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** Schema version (number of applied migrations) of the store it was taken from. */
  schema: number;
  /** The backend it was taken from (`sqlite`, `postgres`). */
  source: string;
  createdAt: string;
}

export interface BackupSummary {
  documents: number;
  rows: Record<string, number>;
}

type Line =
  | { header: BackupHeader }
  | { document: { name: string; epoch: string; state: string } }
  | { table: string; rows: Array<Record<string, unknown>> }
  | { end: BackupSummary };

const b64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
const unb64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

function encodeValue(value: BackupValue): unknown {
  return value instanceof Uint8Array ? { $bytes: b64(value) } : value;
}

function decodeValue(value: unknown, where: string): BackupValue {
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'object' && typeof (value as { $bytes?: unknown }).$bytes === 'string') return unb64((value as { $bytes: string }).$bytes);
  throw new Error(`${where}: unexpected value ${JSON.stringify(value)}`);
}

/** Writes a backup file line by line, waiting for the disk when the buffer is full. */
export class BackupWriter {
  private readonly summary: BackupSummary = { documents: 0, rows: {} };
  private bytes = 0;

  private constructor(
    private readonly out: Writable,
    private readonly done: Promise<void>,
  ) {}

  static open(file: string): BackupWriter {
    const fileStream = createWriteStream(file, { flags: 'wx' });
    let out: Writable = fileStream;
    if (file.endsWith('.gz')) {
      const gzip = createGzip();
      gzip.pipe(fileStream);
      out = gzip;
    }
    const done = new Promise<void>((resolve, reject) => {
      fileStream.once('close', resolve);
      fileStream.once('error', reject);
      out.once('error', reject);
    });
    done.catch(() => undefined);
    return new BackupWriter(out, done);
  }

  private async line(value: Line): Promise<void> {
    const text = `${JSON.stringify(value)}\n`;
    this.bytes += text.length;
    if (!this.out.write(text)) await Promise.race([once(this.out, 'drain'), this.done]);
  }

  header(header: Omit<BackupHeader, 'format' | 'version'>): Promise<void> {
    return this.line({ header: { format: BACKUP_FORMAT, version: BACKUP_VERSION, ...header } });
  }

  item(item: BackupItem): Promise<void> {
    if (item.kind === 'document') {
      this.summary.documents++;
      return this.line({ document: { name: item.name, epoch: item.epoch, state: b64(item.state) } });
    }
    this.summary.rows[item.table] = (this.summary.rows[item.table] ?? 0) + item.rows.length;
    const rows = item.rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, encodeValue(v)])));
    return this.line({ table: item.table, rows });
  }

  /** Writes the closing line and waits until the file is on disk. */
  async end(): Promise<BackupSummary & { bytes: number }> {
    await this.line({ end: this.summary });
    this.out.end();
    await this.done;
    return { ...this.summary, bytes: this.bytes };
  }

  /** Gives up (after an error): closes the file, which is incomplete and will be refused. */
  async abort(): Promise<void> {
    this.out.end();
    await this.done.catch(() => undefined);
  }
}

export interface BackupReader {
  header: BackupHeader;
  /** The documents and rows, in file order; throws at the end if the file has no closing line or the counts differ. */
  items(): AsyncGenerator<BackupItem, BackupSummary>;
}

/** Opens a backup file (gzip detected from its first bytes) and reads its header. */
export async function openBackup(file: string): Promise<BackupReader> {
  const magic = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    createReadStream(file, { start: 0, end: 1 })
      .on('data', (c) => chunks.push(c as Buffer))
      .on('end', () => resolve(Buffer.concat(chunks)))
      .on('error', reject);
  });
  const raw = createReadStream(file);
  const input: Readable = magic[0] === 0x1f && magic[1] === 0x8b ? raw.pipe(createGunzip()) : raw;
  raw.on('error', (e) => input.destroy(e));
  const lines = createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  let lineNo = 0;
  const next = async (): Promise<Line | null> => {
    const r = await lines.next();
    if (r.done) return null;
    lineNo++;
    try {
      return JSON.parse(r.value as string) as Line;
    } catch {
      throw new Error(`${file}:${lineNo}: not a JSON line (is this a Baton backup?)`);
    }
  };
  const first = await next();
  const header = first && 'header' in first ? first.header : null;
  if (!header || header.format !== BACKUP_FORMAT) {
    input.destroy();
    throw new Error(`${file} is not a Baton backup (no "${BACKUP_FORMAT}" header on its first line)`);
  }
  if (header.version > BACKUP_VERSION) {
    input.destroy();
    throw new Error(`${file} is a version ${header.version} backup; this build reads version ${BACKUP_VERSION}`);
  }
  async function* items(): AsyncGenerator<BackupItem, BackupSummary> {
    const seen: BackupSummary = { documents: 0, rows: {} };
    try {
      for (;;) {
        const line = await next();
        if (!line) throw new Error(`${file} is incomplete: it ends without its closing line (the backup was interrupted?)`);
        if ('end' in line) {
          const expected = JSON.stringify({ documents: line.end.documents, rows: sortKeys(line.end.rows) });
          if (expected !== JSON.stringify({ documents: seen.documents, rows: sortKeys(seen.rows) })) {
            throw new Error(`${file} is damaged: it announces ${expected} but holds ${JSON.stringify(seen)}`);
          }
          if ((await next()) !== null) throw new Error(`${file} has lines after its closing line`);
          return seen;
        }
        if ('document' in line) {
          seen.documents++;
          yield { kind: 'document', name: line.document.name, epoch: line.document.epoch, state: unb64(line.document.state) };
        } else if ('table' in line) {
          seen.rows[line.table] = (seen.rows[line.table] ?? 0) + line.rows.length;
          const rows: BackupRow[] = line.rows.map((row) =>
            Object.fromEntries(Object.entries(row).map(([k, v]) => [k, decodeValue(v, `${file}:${lineNo} ${line.table}.${k}`)])),
          );
          yield { kind: 'rows', table: line.table, rows };
        } else {
          throw new Error(`${file}:${lineNo}: unknown line ${JSON.stringify(line).slice(0, 80)}`);
        }
      }
    } finally {
      input.destroy();
    }
  }
  return { header, items };
}

const sortKeys = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
