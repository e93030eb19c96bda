import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Config } from '../../src/config';
import { startServer, type BatonServer } from '../../src/server';

export interface TestServer extends BatonServer {
  dataDir: string;
  /** Stops the server and removes its data directory. */
  dispose(): Promise<void>;
}

/** A real Baton server on port 0 with a fresh SQLite file in a temp dir and the demo seed. */
export async function startTestServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'baton-test-')));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    secret: null,
    demo: true,
    fakeClock: true,
    tokenTtlMs: 12 * 3600_000,
    clientDir: null,
    quiet: true,
    databaseUrl: null,
    slaIntervalMs: 0,
    ...overrides,
  });
  return {
    ...server,
    dataDir,
    dispose: async () => {
      await server.close();
      if (!overrides.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
