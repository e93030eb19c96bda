// Conversions between PostgreSQL column values and the shapes the Store interface promises.
// node-postgres returns bigint (int8) columns and COUNT(*) as strings, bytea as Node Buffers.

export { requireSafeInteger } from '../sqlite/codec';

/** A bigint column as a JS number; refuses values a double cannot hold exactly. */
export function toInt(value: unknown, what: string): number {
  const n = typeof value === 'string' ? Number(value) : typeof value === 'number' || typeof value === 'bigint' ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || (typeof value === 'string' && !/^-?\d+$/.test(value))) {
    throw new RangeError(`${what} ${String(value)} is not a safe integer`);
  }
  return n;
}

export function toNullableInt(value: unknown, what: string): number | null {
  return value === null || value === undefined ? null : toInt(value, what);
}

/** A bytea column as a plain Uint8Array of its own (not a view into a pooled Buffer). */
export function toBytes(value: unknown): Uint8Array {
  if (!(value instanceof Uint8Array)) throw new Error(`expected a bytea value, got ${typeof value}`);
  const bytes = new Uint8Array(value.byteLength);
  bytes.set(value);
  return bytes;
}

export function toNullableBytes(value: unknown): Uint8Array | null {
  return value === null || value === undefined ? null : toBytes(value);
}

/** A Uint8Array parameter (a subarray included) bound as bytea of exactly its bytes. */
export function bytesParam(bytes: Uint8Array): Buffer {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('binary data must be a Uint8Array');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** JSON is stored as text, like SQLite: it reads back exactly as written (jsonb would reject \u0000). */
export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

export function fromJson<T>(text: unknown): T {
  if (typeof text !== 'string') throw new Error(`expected JSON text, got ${typeof text}`);
  return JSON.parse(text) as T;
}
