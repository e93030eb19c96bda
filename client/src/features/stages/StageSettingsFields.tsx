import { ROLES, type StageConfig } from '@baton/shared-types';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n';
import { Field } from '../../ui/Field';
import { slugify, STAGE_COLORS, type DraftErrors, type StageDraft } from './stageDraft';

interface Props {
  draft: StageDraft;
  errors: DraftErrors;
  shown: boolean;
  adding: boolean;
  stages: readonly StageConfig[];
  language: Language;
  onChange(patch: Partial<StageDraft>): void;
}

/** Labels, id, position, colour, WIP limit and approver of a stage. */
export function StageSettingsFields({ draft, errors, shown, adding, stages, language, onChange }: Props) {
  const { t } = useTranslation();
  const err = (key: keyof DraftErrors) => (shown && errors[key] ? t(`stages.errors.${errors[key]}`) : undefined);
  return (
    <div className="form-grid">
      <Field label={t('stages.labelEn')} error={err('en')}>
        {(a11y) => (
          <input
            {...a11y}
            className="input"
            lang="en"
            maxLength={60}
            autoFocus
            value={draft.en}
            placeholder={t('stages.labelEnPlaceholder')}
            data-testid="stage-label-en"
            onChange={(e) => onChange({ en: e.target.value, ...(adding && !draft.idEdited ? { id: slugify(e.target.value) } : {}) })}
          />
        )}
      </Field>
      <Field label={t('stages.labelZh')} error={err('zh')}>
        {(a11y) => <input {...a11y} className="input" lang="zh-CN" maxLength={60} value={draft.zh} placeholder={t('stages.labelZhPlaceholder')} data-testid="stage-label-zh" onChange={(e) => onChange({ zh: e.target.value })} />}
      </Field>
      {adding ? (
        <>
          <Field label={t('stages.id')} error={err('id')} hint={t('stages.idHint')}>
            {(a11y) => <input {...a11y} className="input input-mono" maxLength={40} value={draft.id} data-testid="stage-id" onChange={(e) => onChange({ id: e.target.value, idEdited: true })} />}
          </Field>
          <Field label={t('stages.after')}>
            {(a11y) => (
              <select {...a11y} className="input" value={draft.afterStageId} data-testid="stage-after" onChange={(e) => onChange({ afterStageId: e.target.value })}>
                {stages
                  .filter((s) => !s.retired)
                  .map((s) => (
                    <option key={s.id} value={s.id}>
                      {t('stages.afterOption', { stage: s.label[language] })}
                    </option>
                  ))}
              </select>
            )}
          </Field>
        </>
      ) : null}
      <Field label={t('stages.wipLimit')} error={err('wipLimit')} hint={t('stages.wipHint')}>
        {(a11y) => <input {...a11y} className="input" inputMode="numeric" value={draft.wipLimit} placeholder={t('stages.noLimit')} data-testid="stage-wip" onChange={(e) => onChange({ wipLimit: e.target.value })} />}
      </Field>
      <Field label={t('stages.approver')} hint={t('stages.approverHint')}>
        {(a11y) => (
          <select {...a11y} className="input" value={draft.approverRole} data-testid="stage-approver" onChange={(e) => onChange({ approverRole: e.target.value as StageDraft['approverRole'] })}>
            <option value="">{t('stages.noApprover')}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="span-2 color-field">
        <legend className="field-label">{t('stages.color')}</legend>
        <div className="swatches">
          {STAGE_COLORS.map((c) => (
            <button
              key={c}
              type="button"
              className={`swatch ${draft.color.toLowerCase() === c ? 'is-selected' : ''}`}
              style={{ background: c }}
              aria-label={c}
              aria-pressed={draft.color.toLowerCase() === c}
              onClick={() => onChange({ color: c })}
            />
          ))}
          <label className="swatch-custom">
            <input type="color" value={/^#[0-9a-fA-F]{6}$/.test(draft.color) ? draft.color : '#6366f1'} onChange={(e) => onChange({ color: e.target.value })} />
            <span>{t('stages.otherColor')}</span>
          </label>
        </div>
        {err('color') ? <p className="field-error">{err('color')}</p> : null}
      </fieldset>
    </div>
  );
}
