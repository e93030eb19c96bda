import type { TFunction } from 'i18next';
import type { Language } from '../../i18n';
import { gateDetailText, missingLabels, type MoveVerdict } from './moveRules';

export interface MoveHint {
  /** `info`: the move opens a dialog that asks for something; `blocked`: it cannot happen. */
  tone: 'info' | 'blocked';
  text: string;
}

/** What a column says while a card hovers it, and what the Move to… menu says next to a stage. */
export function moveHint(verdict: MoveVerdict, toStage: string, t: TFunction, language: Language, stageLabel: (id: string) => string): MoveHint | null {
  switch (verdict.kind) {
    case 'ok':
      return null;
    case 'needsReason':
      return { tone: 'info', text: t('gate.hintReason') };
    case 'missing':
      return { tone: 'info', text: t('gate.hintMissing', { items: missingLabels(verdict.missing, language) }) };
    case 'wipFull': {
      const full = t('gate.wipFull', { stage: stageLabel(toStage), count: verdict.wip.count, limit: verdict.wip.limit });
      return verdict.wip.canOverride ? { tone: 'info', text: t('gate.hintOverride', { full }) } : { tone: 'blocked', text: full };
    }
    case 'blocked':
      return { tone: 'blocked', text: gateDetailText(verdict.refusal.details, t, language, stageLabel, toStage) ?? verdict.refusal.message };
  }
}
