// Conversions between SQLite column values and the shapes the Store interface promises.

/** SQLite hands BLOBs back as Node Buffers; callers get plain Uint8Array views of the same bytes. */
export function blobToBytes(value: unknown): Uint8Array {
  if (!(value instanceof Uint8Array)) throw new Error(`expected a BLOB, got ${typeof value}`);
  return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
}

export function nullableBlobToBytes(value: unknown): Uint8Array | null {
  return value === null || value === undefined ? null : blobToBytes(value);
}

/** better-sqlite3 binds a Uint8Array (including a subarray) as a BLOB of exactly its bytes. */
export function bytesToBlob(bytes: Uint8Array): Uint8Array {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('binary data must be a Uint8Array');
  return bytes;
}

export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

export function fromJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

/** `lastInsertRowid` is a number unless the table has grown past 2^53, which it never should. */
export function rowId(id: number | bigint): number {
  const n = Number(id);
  if (!Number.isSafeInteger(n)) throw new Error(`row id ${String(id)} is outside the safe integer range`);
  return n;
}

export function requireSafeInteger(value: number, what: string): number {
  if (!Number.isSafeInteger(value)) throw new TypeError(`${what} must be a safe integer, got ${String(value)}`);
  return value;
}
