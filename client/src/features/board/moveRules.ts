import { checkMove, OVERRIDABLE_REQUIREMENTS, type Card, type MissingItem, type Refusal, type Requirement, type Role, type StageConfig, type UserId } from '@baton/shared-types';
import type { TFunction } from 'i18next';
import type { Language } from '../../i18n';

export interface WipState {
  limit: number;
  count: number;
  canOverride: boolean;
}

export type MoveVerdict =
  | { kind: 'ok' }
  /** A backward move: the user is asked why. */
  | { kind: 'needsReason' }
  /** The target's entry gate (or a stage passed on the way) lacks these; the user can fill them in. */
  | { kind: 'missing'; missing: MissingItem[] }
  /** The target column is at its WIP limit. */
  | { kind: 'wipFull'; wip: WipState }
  | { kind: 'blocked'; refusal: Refusal };

/** Reads the structured part of a `gate_failed` refusal (local or from the server). */
export function gateDetails(details: Record<string, unknown> | undefined): {
  missing: MissingItem[];
  wip: WipState | null;
  needsReason: boolean;
  /** A manager may pass what is missing with a reason (e.g. a red requirement in the handoff pack). */
  canOverride: boolean;
} {
  const missing = Array.isArray(details?.missing) ? (details.missing as MissingItem[]).filter((m) => m && typeof m === 'object' && 'requirement' in m) : [];
  const wip = details?.wip as Partial<WipState> | undefined;
  return {
    missing,
    wip: wip && typeof wip.limit === 'number' ? { limit: wip.limit, count: wip.count ?? wip.limit, canOverride: wip.canOverride === true } : null,
    needsReason: details?.needsReason === true,
    canOverride: details?.canOverride === true,
  };
}

/**
 * The stage rules for a move, checked with the same function the server runs: entry gates of
 * every stage passed, a reason for backward moves, WIP limits. Reorders within a column pass.
 */
export function judgeMove(
  stages: readonly StageConfig[],
  card: Card,
  toStage: string,
  targetCount: number,
  actor: { userId: string; role: Role } | null,
): MoveVerdict {
  if (!actor || toStage === card.stage) return { kind: 'ok' };
  const result = checkMove(stages, card, toStage, { targetCount, actor: { userId: actor.userId as UserId, role: actor.role } });
  if (result.ok) return { kind: 'ok' };
  if (result.error.reason !== 'gate_failed') return { kind: 'blocked', refusal: result.error };
  const gate = gateDetails(result.error.details);
  if (gate.needsReason) return { kind: 'needsReason' };
  if (gate.missing.length > 0) {
    // Worth a dialog when everything is either done there (typed, uploaded, overridden by a manager)
    // or explained there with the way to fix it (the handoff pack, one click away).
    const isManager = actor.role === 'manager' || actor.role === 'admin';
    const doable = gate.missing.every(
      (m) => isFillable(m.requirement) || isExplained(m.requirement) || (isManager && OVERRIDABLE_REQUIREMENTS.includes(m.requirement.kind)),
    );
    return doable ? { kind: 'missing', missing: gate.missing } : { kind: 'blocked', refusal: result.error };
  }
  if (gate.wip) return { kind: 'wipFull', wip: gate.wip };
  return { kind: 'blocked', refusal: result.error };
}

/** Requirements the move dialog can satisfy on the spot: a field to type, a file to upload. */
export const isFillable = (req: Requirement): boolean => req.kind === 'field' || req.kind === 'attachment';

/** Requirements met elsewhere that the move dialog explains, with a link there (the handoff pack). */
export const isExplained = (req: Requirement): boolean => req.kind === 'packSubmitted';

/** Whether the move dialog can help: fill in what is missing, give a reason, or override a full column. */
export const asksInDialog = (v: MoveVerdict) => v.kind === 'missing' || v.kind === 'needsReason' || (v.kind === 'wipFull' && v.wip.canOverride);

export const listSeparator = (language: Language) => (language === 'zh' ? '、' : ', ');

/** Localised names of missing items, without repeats. */
export function missingLabels(missing: readonly MissingItem[], language: Language): string {
  return [...new Set(missing.map((m) => m.label?.[language] ?? m.label?.en ?? m.stageId))].join(listSeparator(language));
}

/**
 * "Needs: Amount, Decision maker" or "Quote is full: 8 of 8" from a refusal's details, in the UI
 * language. `stageId` names the target column (the server's WIP details do not repeat it).
 */
export function gateDetailText(
  details: Record<string, unknown> | undefined,
  t: TFunction,
  language: Language,
  stageLabel: (id: string) => string,
  stageId?: string,
): string | undefined {
  if (!details) return undefined;
  const gate = gateDetails(details);
  if (gate.missing.length > 0) return t('gate.missing', { items: missingLabels(gate.missing, language) });
  if (gate.wip) {
    const id = typeof details.stage === 'string' ? details.stage : stageId;
    return t('gate.wipFull', { stage: id ? stageLabel(id) : '', count: gate.wip.count, limit: gate.wip.limit });
  }
  if (gate.needsReason) return t('gate.needsReason');
  return undefined;
}
