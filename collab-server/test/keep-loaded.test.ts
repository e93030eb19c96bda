import { boardDocName } from '@baton/shared-types';
import { afterEach, describe, expect, it } from 'vitest';
import { cardOf, connectClient, waitFor } from './support/client';
import { startTestServer, type TestServer } from './support/server';

const BOARD = boardDocName('demo');
/** Long enough that a loaded machine's late timers do not pass for the time being up. */
const KEEP_MS = 3000;
let server: TestServer | null = null;

afterEach(async () => {
  await server?.dispose();
  server = null;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a board stays loaded for a while after its last connection closed', () => {
  it('serves a returning person from memory, then unloads once nobody came back for keepLoadedMs', async () => {
    server = await startTestServer({ keepLoadedMs: KEEP_MS });
    const first = await connectClient(server.url, 'sales');
    const loaded = server.hocuspocus.documents.get(BOARD);
    expect(loaded).toBeDefined();
    first.close();
    await sleep(KEEP_MS / 10);
    // Back within the time: the same live document, not one read from disk again.
    expect(server.hocuspocus.documents.get(BOARD)).toBe(loaded);
    const again = await connectClient(server.url, 'sales');
    expect(server.hocuspocus.documents.get(BOARD)).toBe(loaded);
    const card = cardOf(again, 'sales', 'lead');
    expect((await again.send({ type: 'updateCard', cardId: card.id, fields: { nextStep: 'Kept in memory' } })).type).toBe('ack');
    again.close();

    // Nobody for longer than the time: it unloads (Hocuspocus's own store debounce may add up to 2 s).
    await waitFor(() => !server?.hocuspocus.documents.has(BOARD), KEEP_MS * 3 + 4000, 'the board to unload');
    // And nothing was lost on the way out.
    const later = await connectClient(server.url, 'manager');
    try {
      expect(later.card(card.id)?.nextStep).toBe('Kept in memory');
      expect(server.hocuspocus.documents.get(BOARD)).not.toBe(loaded);
    } finally {
      later.close();
    }
  });

  it('counts the time from the last person leaving, not from the first', async () => {
    server = await startTestServer({ keepLoadedMs: KEEP_MS });
    const a = await connectClient(server.url, 'sales');
    const loaded = server.hocuspocus.documents.get(BOARD);
    a.close();
    await sleep(KEEP_MS / 2);
    const b = await connectClient(server.url, 'product');
    await sleep(KEEP_MS * 1.5); // longer than the time, but someone is connected
    expect(server.hocuspocus.documents.get(BOARD)).toBe(loaded);
    b.close();
    await sleep(KEEP_MS / 2);
    expect(server.hocuspocus.documents.get(BOARD)).toBe(loaded);
  });

  it('lets a board go at once when released, and at once when the time is 0', async () => {
    server = await startTestServer({ keepLoadedMs: 60_000 });
    const a = await connectClient(server.url, 'sales');
    a.close();
    await sleep(100);
    expect(server.hocuspocus.documents.has(BOARD)).toBe(true);
    await server.releaseBoard(BOARD);
    await waitFor(() => !server?.hocuspocus.documents.has(BOARD), 4000, 'the released board to unload');
    await server.dispose();

    server = await startTestServer({ keepLoadedMs: 0 });
    const b = await connectClient(server.url, 'sales');
    b.close();
    await waitFor(() => !server?.hocuspocus.documents.has(BOARD), 4000, 'the board to unload when its last connection closes');
  });
});
