import { checkMove, type Card, type Refusal, type Role, type StageConfig, type UserId } from '@baton/shared-types';
import type { TFunction } from 'i18next';
import type { Language } from '../../i18n';

export type MoveVerdict = { kind: 'ok' } | { kind: 'needsReason' } | { kind: 'blocked'; refusal: Refusal };

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
  if (result.error.details?.needsReason === true) return { kind: 'needsReason' };
  return { kind: 'blocked', refusal: result.error };
}

interface MissingLike {
  stageId?: string;
  label?: { en?: string; zh?: string };
}

/** "Needs: Amount, Decision maker" or "Quote is full (8 of 8)" from a refusal's details, in the UI language. */
export function gateDetailText(details: Record<string, unknown> | undefined, t: TFunction, language: Language, stageLabel: (id: string) => string): string | undefined {
  if (!details) return undefined;
  const missing = Array.isArray(details.missing) ? (details.missing as unknown[]) : [];
  if (missing.length > 0) {
    const items = missing.map((m) => {
      if (typeof m === 'string') return m;
      const label = (m as MissingLike).label;
      return label?.[language] ?? label?.en ?? String((m as MissingLike).stageId ?? '?');
    });
    return t('gate.missing', { items: [...new Set(items)].join(language === 'zh' ? '、' : ', ') });
  }
  const wip = details.wip as { limit?: number; count?: number } | undefined;
  if (wip && typeof wip.limit === 'number') {
    const stage = typeof details.stage === 'string' ? stageLabel(details.stage) : '';
    return t('gate.wipFull', { stage, count: wip.count ?? wip.limit, limit: wip.limit });
  }
  if (details.needsReason === true) return t('gate.needsReason');
  return undefined;
}
