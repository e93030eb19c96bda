// Uploaded files, bytes included, so any server process sharing the database can serve them.
import type { AttachmentRecord } from '../Store';
import { bytesParam, requireSafeInteger, toBytes, toInt } from './codec';
import type { Db } from './db';

interface AttachmentRow {
  id: string;
  board_id: string;
  card_id: string;
  kind: string;
  name: string;
  content_type: string;
  size: string;
  sha256: string;
  uploaded_by: string;
  at: string;
}

const COLUMNS = 'id, board_id, card_id, kind, name, content_type, size, sha256, uploaded_by, at';

const toRecord = (row: AttachmentRow): AttachmentRecord => ({
  id: row.id,
  boardId: row.board_id,
  cardId: row.card_id,
  kind: row.kind,
  name: row.name,
  contentType: row.content_type,
  size: toInt(row.size, 'attachment size'),
  sha256: row.sha256,
  uploadedBy: row.uploaded_by,
  at: toInt(row.at, 'attachment time'),
});

export class AttachmentTable {
  constructor(private readonly db: Db) {}

  async put(record: AttachmentRecord, data: Uint8Array): Promise<void> {
    requireSafeInteger(record.at, 'attachment time');
    if (record.size !== data.byteLength) throw new Error(`attachment size ${record.size} does not match ${data.byteLength} bytes`);
    // A plain INSERT: a second put with the same id fails on the primary key and keeps the first.
    await this.db.run(`INSERT INTO attachments (${COLUMNS}, data) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`, [
      record.id,
      record.boardId,
      record.cardId,
      record.kind,
      record.name,
      record.contentType,
      record.size,
      record.sha256,
      record.uploadedBy,
      record.at,
      bytesParam(data),
    ]);
  }

  async get(id: string): Promise<AttachmentRecord | null> {
    const [row] = await this.db.rows<AttachmentRow>(`SELECT ${COLUMNS} FROM attachments WHERE id = $1`, [id]);
    return row ? toRecord(row) : null;
  }

  async data(id: string): Promise<Uint8Array | null> {
    const [row] = await this.db.rows<{ data: Uint8Array }>('SELECT data FROM attachments WHERE id = $1', [id]);
    return row ? toBytes(row.data) : null;
  }

  async list(boardId: string, cardId: string): Promise<AttachmentRecord[]> {
    const rows = await this.db.rows<AttachmentRow>(
      `SELECT ${COLUMNS} FROM attachments WHERE board_id = $1 AND card_id = $2 ORDER BY at, id COLLATE "C"`,
      [boardId, cardId],
    );
    return rows.map(toRecord);
  }
}
