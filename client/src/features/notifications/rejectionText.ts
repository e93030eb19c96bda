import type { TFunction } from 'i18next';
import type { Language } from '../../i18n';
import { gateDetailText } from '../board/moveRules';
import type { RejectedChange } from '../../sync/hooks';

export interface RejectionText {
  title: string;
  body: string;
  detail?: string | undefined;
}

/** "Move of “ERP rollout” to Quote was refused" / "Not allowed: As sales you can move only your own cards". */
export function rejectionText(r: RejectedChange, t: TFunction, language: Language, stageLabel: (id: string) => string): RejectionText {
  const stage = r.command.type === 'moveCard' ? stageLabel(r.command.toStage) : '';
  const params = { title: r.cardTitle || '—', stage };
  const title = t(`reject.${r.command.type}`, { ...params, defaultValue: t('reject.generic', params) });
  const reason = t(`reject.reasons.${r.reason}`, { defaultValue: r.reason });
  // Gate failures are spelled out in the UI language; other refusals carry the server's sentence.
  const detail = gateDetailText(r.details, t, language, stageLabel, r.command.type === 'moveCard' ? r.command.toStage : undefined);
  const body = detail || !r.message ? reason : `${reason}: ${r.message}`;
  return { title, body, detail };
}
