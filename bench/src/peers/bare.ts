/** Reference for memory: the heap a bare Y.Doc holding a given document state takes. */
import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { startAgent } from '../lib/agent';

const gc = (globalThis as { gc?: () => void }).gc;
const settle = async () => {
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((r) => setTimeout(r, 20));
  }
};

const agent = startAgent(
  () => 0,
  async () => undefined,
);
agent.handle('ydoc', async (args) => {
  const { file } = args as { file: string };
  const bytes = new Uint8Array(readFileSync(file));
  // One unmeasured decode first: the code it compiles is not memory of the document (the servers are measured warm too).
  const warm = new Y.Doc();
  Y.applyUpdate(warm, bytes);
  warm.destroy();
  await settle();
  const before = process.memoryUsage();
  const doc = new Y.Doc();
  Y.applyUpdate(doc, bytes);
  await settle();
  const after = process.memoryUsage();
  // JS heap plus array buffers: binary values (Baton's cards) live outside the heap.
  const held = (m: NodeJS.MemoryUsage) => m.heapUsed + m.arrayBuffers;
  const result = { heapUsed: held(after) - held(before), rss: after.rss - before.rss, stateBytes: bytes.byteLength, cards: doc.getMap('cards').size };
  doc.destroy();
  return result;
});
agent.ready(0);
