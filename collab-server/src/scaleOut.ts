import type { Store } from '@baton/persistence';
import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import IORedis from 'ioredis';
import { StoreLeaseLock, type BoardLock } from './commands/boardLock';

export interface ScaleOut {
  /** Hocuspocus extension that fans document updates and awareness out to the other processes. */
  extension: RedisExtension;
  lock: BoardLock;
  ping(): Promise<{ ok: boolean; error?: string }>;
  close(): Promise<void>;
}

/**
 * Several server processes serving the same boards: Redis carries fan-out only (document
 * updates and awareness between processes); authority stays in the database, where each
 * command runs under a per-board lease (see StoreLeaseLock).
 */
export function scaleOut(redisUrl: string, store: Store, instanceId: string, prefix = 'baton'): ScaleOut {
  const client = new IORedis(redisUrl, { maxRetriesPerRequest: 2, lazyConnect: false });
  client.on('error', () => undefined);
  const extension = new RedisExtension({ redis: client, identifier: instanceId, prefix, disconnectDelay: 200 });
  return {
    extension,
    lock: new StoreLeaseLock(store, instanceId),
    ping: () =>
      client.ping().then(
        () => ({ ok: true }),
        (error: unknown) => ({ ok: false, error: String(error) }),
      ),
    close: async () => {
      await extension.onDestroy();
      client.disconnect(false);
    },
  };
}
