import { attachmentKindLabel, fieldLabel, type Requirement } from '@baton/shared-types';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n';
import { REQUIRABLE_FIELDS, REQUIRABLE_KINDS, sameRequirement, type CustomFieldDraft } from './stageDraft';

interface Props {
  value: readonly Requirement[];
  customFields: readonly CustomFieldDraft[];
  language: Language;
  onChange(value: Requirement[]): void;
}

/** The stage's entry gate: tick card fields, attachment kinds or the stage's own fields a card needs. */
export function RequirementPicker({ value, customFields, language, onChange }: Props) {
  const { t } = useTranslation();
  const has = (req: Requirement) => value.some((r) => sameRequirement(r, req));
  const toggle = (req: Requirement, on: boolean) => onChange(on ? [...value.filter((r) => !sameRequirement(r, req)), req] : value.filter((r) => !sameRequirement(r, req)));
  const box = (req: Requirement, label: string, testId: string) => (
    <label key={testId} className="check-row">
      <input type="checkbox" checked={has(req)} data-testid={testId} onChange={(e) => toggle(req, e.target.checked)} />
      <span>{label}</span>
    </label>
  );
  const custom = customFields.filter((f) => f.key && (f.en || f.zh));
  return (
    <fieldset className="picker" data-testid="requirement-picker">
      <legend className="field-label">{t('stages.requirements')}</legend>
      <p className="field-hint">{t('stages.requirementsHint')}</p>
      <div className="picker-groups">
        <div className="picker-group">
          <h4>{t('stages.pickFields')}</h4>
          {REQUIRABLE_FIELDS.map((f) => box({ kind: 'field', field: f }, fieldLabel(f)[language], `req-field-${f}`))}
        </div>
        <div className="picker-group">
          <h4>{t('stages.pickFiles')}</h4>
          {REQUIRABLE_KINDS.map((k) => box({ kind: 'attachment', attachmentKind: k }, attachmentKindLabel(k)[language], `req-file-${k}`))}
        </div>
        <div className="picker-group">
          <h4>{t('stages.pickCustom')}</h4>
          {custom.length > 0 ? (
            custom.map((f) => box({ kind: 'field', field: `custom.${f.key}` }, (language === 'zh' ? f.zh : f.en) || f.en || f.zh, `req-custom-${f.key}`))
          ) : (
            <p className="muted picker-empty">{t('stages.pickCustomEmpty')}</p>
          )}
        </div>
      </div>
    </fieldset>
  );
}
