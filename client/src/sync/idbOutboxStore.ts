import type { OutboxStore, StoredCommand, StoredOutbox, StoredRejection } from './outboxStore';

const PENDING = 'pending';
const REJECTED = 'rejected';
const VERSION = 1;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

function open(name: string): Promise<IDBDatabase> {
  const req = indexedDB.open(name, VERSION);
  req.onupgradeneeded = () => {
    const db = req.result;
    if (!db.objectStoreNames.contains(PENDING)) db.createObjectStore(PENDING, { keyPath: 'command.id' });
    if (!db.objectStoreNames.contains(REJECTED)) db.createObjectStore(REJECTED, { keyPath: 'command.id' });
  };
  return request(req);
}

/**
 * The outbox of one user on one board in IndexedDB (database `baton-outbox:<user>:<board>`):
 * unanswered commands by id with their order, and the refused ones. Every write is its own
 * transaction, created in call order, so IndexedDB applies them in that order.
 */
export class IdbOutboxStore implements OutboxStore {
  private readonly db: Promise<IDBDatabase>;

  constructor(userId: string, boardId: string) {
    this.db = open(`baton-outbox:${userId}:${boardId}`);
    this.db.catch((error: unknown) => console.warn('Baton: the offline outbox is not available on this device:', error));
  }

  async load(): Promise<StoredOutbox> {
    const db = await this.db;
    const tx = db.transaction([PENDING, REJECTED], 'readonly');
    const [pending, rejected] = await Promise.all([
      request(tx.objectStore(PENDING).getAll() as IDBRequest<StoredCommand[]>),
      request(tx.objectStore(REJECTED).getAll() as IDBRequest<StoredRejection[]>),
    ]);
    return { pending: pending.sort((a, b) => a.seq - b.seq), rejected: rejected.sort((a, b) => a.at - b.at) };
  }

  putCommand(record: StoredCommand): Promise<void> {
    return this.write([PENDING], (tx) => tx.objectStore(PENDING).put(record));
  }

  deleteCommand(id: string): Promise<void> {
    return this.write([PENDING], (tx) => tx.objectStore(PENDING).delete(id));
  }

  putRejection(record: StoredRejection): Promise<void> {
    return this.write([REJECTED], (tx) => tx.objectStore(REJECTED).put(record));
  }

  deleteRejection(id: string): Promise<void> {
    return this.write([REJECTED], (tx) => tx.objectStore(REJECTED).delete(id));
  }

  clearRejections(): Promise<void> {
    return this.write([REJECTED], (tx) => tx.objectStore(REJECTED).clear());
  }

  close(): void {
    this.db.then((db) => db.close()).catch(() => undefined);
  }

  private async write(stores: string[], fn: (tx: IDBTransaction) => void): Promise<void> {
    const db = await this.db;
    const tx = db.transaction(stores, 'readwrite');
    fn(tx);
    await done(tx);
  }
}
