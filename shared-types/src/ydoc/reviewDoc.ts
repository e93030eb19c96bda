import * as Y from 'yjs';
import type { PackRequirement } from './packDoc';

/**
 * `review:<cardId>`: product's traffic lights, one entry per requirement id.
 *   lights: Y.Map<reqId, Y.Map{ color, note }>
 * Who set a colour and when is recorded by the server from the authenticated connection and
 * its own clock, never taken from the document.
 */
export const LIGHT_COLORS = ['red', 'yellow', 'green'] as const;
export type LightColor = (typeof LIGHT_COLORS)[number];

export interface Light {
  color: LightColor | null;
  note: string;
}

export const reviewLights = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('lights');

export function readLight(entry: unknown): Light {
  if (!(entry instanceof Y.Map)) return { color: null, note: '' };
  const color = entry.get('color');
  const note = entry.get('note');
  return {
    color: (LIGHT_COLORS as readonly unknown[]).includes(color) ? (color as LightColor) : null,
    note: typeof note === 'string' ? note : '',
  };
}

export function readLights(doc: Y.Doc): Map<string, Light> {
  const out = new Map<string, Light>();
  reviewLights(doc).forEach((entry, reqId) => out.set(reqId, readLight(entry)));
  return out;
}

/** Sets one light (product's client; also tests). Each requirement is its own entry, so concurrent colours on different requirements never collide. */
export function setLight(doc: Y.Doc, reqId: string, light: Partial<Light>): void {
  doc.transact(() => {
    const lights = reviewLights(doc);
    let entry = lights.get(reqId);
    if (!(entry instanceof Y.Map)) {
      entry = new Y.Map<unknown>();
      lights.set(reqId, entry);
    }
    if (light.color !== undefined) entry.set('color', light.color);
    if (light.note !== undefined) entry.set('note', light.note);
  });
}

export interface LightCounts {
  red: number;
  yellow: number;
  green: number;
  unset: number;
}

/** Colour counts over the pack's current requirements (lights of deleted requirements are ignored). */
export function countLights(requirements: readonly PackRequirement[], lights: ReadonlyMap<string, Light>): LightCounts {
  const counts: LightCounts = { red: 0, yellow: 0, green: 0, unset: 0 };
  for (const r of requirements) {
    const color = lights.get(r.reqId)?.color ?? null;
    if (color) counts[color]++;
    else counts.unset++;
  }
  return counts;
}
