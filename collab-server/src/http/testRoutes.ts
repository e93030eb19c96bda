import { Hono } from 'hono';
import { z } from 'zod';
import type { FakeClock } from '../clock';
import { fail } from './errors';
import { readJson } from './readJson';

const advanceSchema = z.object({ advanceMs: z.number().int().nonnegative().max(10 * 365 * 86_400_000) });

/** Only mounted when the server runs with BATON_FAKE_CLOCK=1. */
export function testRoutes(clock: FakeClock, onAdvance: (now: number) => Promise<void>) {
  const app = new Hono();
  app.get('/clock', (c) => c.json({ now: clock.now() }));
  app.post('/clock', async (c) => {
    const body = await readJson(c);
    const parsed = body.ok ? advanceSchema.safeParse(body.value) : null;
    if (!parsed?.success) return fail(c, 'invalid', 'Send {"advanceMs": <non-negative integer>}');
    const now = clock.advance(parsed.data.advanceMs);
    await onAdvance(now);
    return c.json({ now });
  });
  return app;
}
