import type { Context } from 'hono';

export type JsonBody = { ok: true; value: unknown } | { ok: false; message: string };

/** Reads a JSON body; a malformed body is a clear 400, never a crash. */
export async function readJson(c: Context): Promise<JsonBody> {
  try {
    return { ok: true, value: await c.req.json() };
  } catch {
    return { ok: false, message: 'The request body is not valid JSON' };
  }
}
