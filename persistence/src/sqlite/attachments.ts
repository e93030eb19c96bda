// Uploaded files, bytes included, so any server process sharing the database can serve them.
import type { Database } from 'better-sqlite3';
import type { AttachmentRecord } from '../Store';
import { blobToBytes, bytesToBlob, requireSafeInteger } from './codec';

interface AttachmentRow {
  id: string;
  board_id: string;
  card_id: string;
  kind: string;
  name: string;
  content_type: string;
  size: number;
  sha256: string;
  uploaded_by: string;
  at: number;
}

const COLUMNS = 'id, board_id, card_id, kind, name, content_type, size, sha256, uploaded_by, at';

const toRecord = (row: AttachmentRow): AttachmentRecord => ({
  id: row.id,
  boardId: row.board_id,
  cardId: row.card_id,
  kind: row.kind,
  name: row.name,
  contentType: row.content_type,
  size: row.size,
  sha256: row.sha256,
  uploadedBy: row.uploaded_by,
  at: row.at,
});

export class AttachmentTable {
  private readonly insert;
  private readonly byId;
  private readonly dataById;
  private readonly byCard;

  constructor(db: Database) {
    this.insert = db.prepare(
      `INSERT INTO attachments (${COLUMNS}, data) VALUES (@id, @boardId, @cardId, @kind, @name, @contentType, @size, @sha256, @uploadedBy, @at, @data)`,
    );
    this.byId = db.prepare<[string], AttachmentRow>(`SELECT ${COLUMNS} FROM attachments WHERE id = ?`);
    this.dataById = db.prepare<[string], { data: Uint8Array }>('SELECT data FROM attachments WHERE id = ?');
    this.byCard = db.prepare<[string, string], AttachmentRow>(
      `SELECT ${COLUMNS} FROM attachments WHERE board_id = ? AND card_id = ? ORDER BY at, id`,
    );
  }

  put(record: AttachmentRecord, data: Uint8Array): void {
    requireSafeInteger(record.at, 'attachment time');
    if (record.size !== data.byteLength) throw new Error(`attachment size ${record.size} does not match ${data.byteLength} bytes`);
    this.insert.run({ ...record, data: bytesToBlob(data) });
  }

  get(id: string): AttachmentRecord | null {
    const row = this.byId.get(id);
    return row ? toRecord(row) : null;
  }

  data(id: string): Uint8Array | null {
    const row = this.dataById.get(id);
    return row ? blobToBytes(row.data) : null;
  }

  list(boardId: string, cardId: string): AttachmentRecord[] {
    return this.byCard.all(boardId, cardId).map(toRecord);
  }
}
