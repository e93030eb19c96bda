import type { z } from 'zod';
import { CARD_FIELDS, isCardFieldName } from '../model/card';
import { UUID_PATTERN } from '../model/ids';
import { LIMITS } from '../protocol/limits';
import { refuse, type Refusal, type Result } from '../rules/result';
import { COMMAND_TYPES, commandSchema } from './schemas';
import type { Command } from './types';

export interface ParseFailure extends Refusal {
  /** The command id, when the input carried a usable one (so the answer can name it). */
  id: string | null;
}

const WRITER_HINT: Record<string, string> = {
  server: 'is set by the server',
  move: 'changes only by moving the card',
  archive: 'changes only by archiving or restoring the card',
  create: 'is chosen when the card is created',
};

function fail(id: string | null, r: Result<never>): { ok: false; error: ParseFailure } {
  if (r.ok) throw new Error('unreachable');
  return { ok: false, error: { ...r.error, id } };
}

/** Names card fields in a patch that no client may write, e.g. `stage` or `createdAt`. */
function forbiddenFields(patch: unknown, allowId: boolean): string[] {
  if (typeof patch !== 'object' || patch === null) return [];
  return Object.keys(patch).filter((key) => {
    if (!isCardFieldName(key)) return false;
    if (key === 'id' && allowId) return false;
    const w = CARD_FIELDS[key].write;
    return w !== 'editor' && w !== 'reassign';
  });
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/**
 * Turns untrusted input (a websocket payload or an HTTP body) into a command, or says
 * precisely why not. Never throws.
 */
export function parseCommand(input: string | unknown): { ok: true; value: Command } | { ok: false; error: ParseFailure } {
  let raw: unknown = input;
  if (typeof input === 'string') {
    if (input.length > LIMITS.maxCommandBytes) {
      return fail(null, refuse('too_large', `Command is larger than ${LIMITS.maxCommandBytes} bytes`));
    }
    try {
      raw = JSON.parse(input);
    } catch {
      return fail(null, refuse('invalid', 'Command is not valid JSON'));
    }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail(null, refuse('invalid', 'Command must be a JSON object'));
  }
  const obj = raw as Record<string, unknown>;
  const id = typeof obj.id === 'string' && UUID_PATTERN.test(obj.id) ? obj.id : null;
  if (typeof obj.type !== 'string' || !(COMMAND_TYPES as readonly string[]).includes(obj.type)) {
    const shown = typeof obj.type === 'string' ? `'${obj.type.slice(0, 40)}'` : 'missing';
    return fail(id, refuse('invalid', `Unknown command type (${shown})`, { known: [...COMMAND_TYPES] }));
  }
  const patch = obj.type === 'updateCard' || obj.type === 'moveCard' ? obj.fields : obj.type === 'createCard' ? obj.card : undefined;
  const forbidden = forbiddenFields(patch, obj.type === 'createCard');
  if (forbidden.length > 0) {
    const first = forbidden[0] as keyof typeof CARD_FIELDS;
    return fail(
      id,
      refuse('forbidden', `'${first}' ${WRITER_HINT[CARD_FIELDS[first].write] ?? 'cannot be written'}`, { fields: forbidden }),
    );
  }
  const parsed = commandSchema.safeParse(raw);
  if (!parsed.success) {
    return fail(
      id,
      refuse('invalid', describeIssues(parsed.error.issues), {
        issues: parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String), message: i.message })),
      }),
    );
  }
  return { ok: true, value: parsed.data };
}
