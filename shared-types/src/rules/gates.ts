import { attachmentKindLabel } from '../model/attachments';
import { CARD_FIELDS, isCardFieldName, type Card } from '../model/card';
import type { Actor } from '../model/roles';
import { stageIndex, type LocalizedLabel, type Requirement, type StageConfig } from '../model/stages';
import { ok, refuse, type Result } from './result';

/** One thing a card lacks for a stage, with words for the user. */
export interface MissingItem {
  stageId: string;
  requirement: Requirement;
  label: LocalizedLabel;
}

/** The card as the gate sees it: its fields, custom fields and attachments. */
export type GateCard = Pick<Card, 'stage' | 'attachments' | 'customFields'> & Partial<Card>;

/** Requirement kinds a manager (or admin) may override on a move, with a reason. */
export const OVERRIDABLE_REQUIREMENTS: readonly string[] = ['packSubmitted'];

const FIELD_LABELS: Record<string, LocalizedLabel> = {
  title: { en: 'Title', zh: '标题' },
  customer: { en: 'Customer', zh: '客户' },
  contactName: { en: 'Contact name', zh: '联系人' },
  needSummary: { en: 'Customer needs', zh: '需求摘要' },
  decisionMaker: { en: 'Decision maker', zh: '决策人' },
  amount: { en: 'Amount', zh: '金额' },
  currency: { en: 'Currency', zh: '币种' },
  nextStep: { en: 'Next step', zh: '下一步' },
  region: { en: 'Region', zh: '区域' },
  industry: { en: 'Industry', zh: '行业' },
  channel: { en: 'Channel', zh: '渠道' },
  dealType: { en: 'Deal type', zh: '新签/续约' },
};

export const fieldLabel = (field: string): LocalizedLabel => FIELD_LABELS[field] ?? { en: field, zh: field };

const isFilled = (value: unknown): boolean => {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (typeof value === 'number') return Number.isFinite(value) && value > 0;
  if (typeof value === 'boolean') return value;
  return true;
};

/** Describes a requirement in words, using the stage's custom field labels where they apply. */
export function requirementLabel(req: Requirement, stage?: StageConfig): LocalizedLabel {
  switch (req.kind) {
    case 'field': {
      if (req.field.startsWith('custom.')) {
        const key = req.field.slice('custom.'.length);
        return stage?.customFields.find((f) => f.key === key)?.label ?? { en: key, zh: key };
      }
      return fieldLabel(req.field);
    }
    case 'attachment':
      return attachmentKindLabel(req.attachmentKind);
    case 'packSubmitted':
      return { en: 'Handoff pack submitted, no red requirement', zh: '交接包已提交且无红色需求' };
    default:
      return { en: `Unknown requirement (${(req as { kind: string }).kind})`, zh: `未知要求 (${(req as { kind: string }).kind})` };
  }
}

export function isRequirementMet(req: Requirement, card: GateCard): boolean {
  switch (req.kind) {
    case 'field':
      if (req.field.startsWith('custom.')) return isFilled(card.customFields?.[req.field.slice('custom.'.length)]);
      return isCardFieldName(req.field) && CARD_FIELDS[req.field].write !== 'server' && isFilled(card[req.field]);
    case 'attachment':
      return card.attachments.some((a) => a.kind === req.attachmentKind);
    case 'packSubmitted':
      return !!card.handoff?.submittedAt && card.handoff.counts.red === 0;
    default:
      return false;
  }
}

/** Everything `card` lacks to enter `stage`. */
export function missingForStage(stage: StageConfig, card: GateCard): MissingItem[] {
  return stage.requirements
    .filter((req) => !isRequirementMet(req, card))
    .map((req) => ({ stageId: stage.id, requirement: req, label: requirementLabel(req, stage) }));
}

export interface MoveCheck {
  /** Cards already in the target column (not counting the moved card). */
  targetCount: number;
  /** Why the card moves backward, or why a manager overrides a WIP limit. */
  reason?: string | undefined;
  overrideWip?: boolean | undefined;
  /** A manager passing an overridable requirement (a red requirement left in the pack). */
  overrideGate?: boolean | undefined;
  actor: Actor;
}

/**
 * May `card` move from its stage to `toId`? Forward moves must satisfy the entry gate of
 * every stage they pass and land in; backward moves need a reason; a full column (WIP
 * limit) refuses the card unless a manager overrides with a reason. Same function on
 * client and server.
 */
export function checkMove(stages: readonly StageConfig[], card: GateCard, toId: string, check: MoveCheck): Result<true> {
  const to = stageIndex(stages, toId);
  const target = stages[to];
  if (!target || target.retired) return refuse('not_found', `This board has no stage '${toId}'`, { stage: toId });
  const from = stageIndex(stages, card.stage);
  const hasReason = !!check.reason && check.reason.trim().length > 0;
  if (from >= 0 && to < from && !hasReason) {
    return refuse('gate_failed', 'Moving a card back needs a reason', { needsReason: true, missing: [] });
  }
  const isManager = check.actor.role === 'manager' || check.actor.role === 'admin';
  if (to > from) {
    const passed = stages.slice(Math.max(from, 0) + 1, to + 1).filter((s) => !s.retired);
    const overriding = !!check.overrideGate && isManager && hasReason;
    const missing = passed.flatMap((s) => missingForStage(s, card)).filter((m) => !(overriding && OVERRIDABLE_REQUIREMENTS.includes(m.requirement.kind)));
    if (missing.length > 0) {
      const canOverride = isManager && missing.every((m) => OVERRIDABLE_REQUIREMENTS.includes(m.requirement.kind));
      return refuse('gate_failed', `Missing for ${target.label.en}: ${missing.map((m) => m.label.en).join(', ')}`, { missing, canOverride });
    }
  }
  if (to !== from && target.wipLimit !== null && check.targetCount >= target.wipLimit) {
    const mayOverride = isManager;
    if (!(check.overrideWip && mayOverride && hasReason)) {
      return refuse('gate_failed', `${target.label.en} is full (${check.targetCount} of ${target.wipLimit} cards)`, {
        wip: { limit: target.wipLimit, count: check.targetCount, canOverride: mayOverride },
        missing: [],
      });
    }
  }
  return ok(true);
}

/** The requirements of the next stage this card still lacks (shown on the card). */
export function openForNextStage(stages: readonly StageConfig[], card: GateCard): MissingItem[] {
  const active = stages.filter((s) => !s.retired);
  const next = active[active.findIndex((s) => s.id === card.stage) + 1];
  return next ? missingForStage(next, card) : [];
}
