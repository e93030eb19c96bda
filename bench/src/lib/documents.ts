/** Load/unload operations on a Hocuspocus instance, for the memory scenario (used by both Hocuspocus-based peers). */
import type { DirectConnection, Hocuspocus } from '@hocuspocus/server';
import type { Agent } from './agent';

/** `release`: lets the server unload a board it would otherwise keep loaded for a while (Baton's keepLoadedMs). */
export function registerDocumentOps(agent: Agent, hocuspocus: Hocuspocus, release: (name: string) => Promise<void> = async () => undefined): void {
  const held = new Map<string, DirectConnection>();
  agent.handle('load', async (args) => {
    const { name } = args as { name: string };
    const t = performance.now();
    held.set(name, await hocuspocus.openDirectConnection(name, {}));
    return performance.now() - t;
  });
  agent.handle('unload', async (args) => {
    const { name } = args as { name: string };
    const connection = held.get(name);
    held.delete(name);
    await connection?.disconnect({ unloadImmediately: true });
    await release(name);
    const deadline = Date.now() + 30_000;
    while (hocuspocus.documents.has(name) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    return !hocuspocus.documents.has(name);
  });
}
