import IORedis from 'ioredis';
import { describe, it } from 'vitest';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Null when Redis answers PING, else why not. */
export async function probeRedis(): Promise<string | null> {
  const client = new IORedis(REDIS_URL, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message || error.name : String(error);
  } finally {
    client.disconnect();
  }
}

/**
 * A `describe` that runs when Redis answers. Otherwise: with CI=true a failing test that says
 * why (CI must exercise scale-out); elsewhere the suite is skipped with a printed reason.
 */
export async function redisDescribe(label: string): Promise<ReturnType<typeof describe.skipIf>> {
  const unreachable = await probeRedis();
  if (unreachable === null) return describe.skipIf(false);
  const why = `Redis at ${REDIS_URL} is unreachable (${unreachable})`;
  if (process.env.CI === 'true') {
    describe(label, () => {
      it('needs a reachable Redis server (CI=true)', () => {
        throw new Error(`${why}. Start it: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no`);
      });
    });
  } else {
    console.warn(`Skipping "${label}": ${why}`);
  }
  return describe.skipIf(true);
}
