import type { SlaConfig } from '@baton/shared-types';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTrackedCommands } from '../../sync/useTrackedCommands';
import { defaultText, draftOf, parseDraft, SLA_FIELDS, unitOf, type SlaDraft, type SlaFieldError } from './slaForm';

/** Ops and admins set the board's SLA thresholds (`updateSla`); everyone's cards follow at once. */
export function SlaSettingsForm({ sla }: { sla: SlaConfig }) {
  const { t } = useTranslation();
  const { status, send } = useTrackedCommands();
  // Null while untouched: the form then shows the board's live values.
  const [draft, setDraft] = useState<SlaDraft | null>(null);
  const [errors, setErrors] = useState<Partial<Record<string, SlaFieldError>>>({});
  const [unchanged, setUnchanged] = useState(false);
  const values = draft ?? draftOf(sla);
  const saving = status.sla?.state === 'pending';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseDraft(values, sla);
    setErrors(parsed.errors);
    setUnchanged(false);
    if (Object.keys(parsed.errors).length > 0) return;
    if (Object.keys(parsed.changes).length === 0) {
      setUnchanged(true);
      setDraft(null);
      return;
    }
    void send('sla', 'saved', { type: 'updateSla', changes: parsed.changes }).then((ok) => {
      if (ok) setDraft(null);
    });
  };

  const result = status.sla;
  const message = unchanged
    ? t('settings.unchanged')
    : result?.state === 'saved'
      ? t('settings.saved')
      : result?.state === 'refused'
        ? t('settings.refused', { message: result.message })
        : '';

  return (
    <section className="settings-section" aria-labelledby="sla-title" data-testid="sla-settings">
      <header className="settings-section-head">
        <h2 id="sla-title">{t('settings.slaTitle')}</h2>
        <p className="muted">{t('settings.slaIntro')}</p>
      </header>
      <form className="sla-form" onSubmit={submit} noValidate>
        {SLA_FIELDS.map((field) => {
          const error = errors[field];
          const id = `sla-${field}`;
          return (
            <div key={field} className={`sla-row field ${error ? 'has-error' : ''}`}>
              <label className="field-label" htmlFor={id}>
                {t(`settings.fields.${field}`)}
              </label>
              <div className="sla-input">
                <input
                  id={id}
                  className="input"
                  inputMode="decimal"
                  value={values[field]}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={`${id}-hint`}
                  onChange={(e) => setDraft({ ...values, [field]: e.target.value })}
                  data-testid={`sla-${field}`}
                />
                <span className="sla-unit">{t(`settings.units.${unitOf(field)}`)}</span>
              </div>
              <span id={`${id}-hint`} className={error ? 'field-error' : 'field-hint'}>
                {error ? t(`settings.${error}`) : `${t(`settings.hints.${field}`)} ${t('settings.defaultValue', { value: defaultText(field) })}`}
              </span>
            </div>
          );
        })}
        <div className="settings-actions">
          <button type="submit" className="btn btn-primary" disabled={saving} data-testid="sla-save">
            {saving ? t('settings.saving') : t('settings.save')}
          </button>
          <span className={`settings-status is-${result?.state ?? 'idle'}`} role="status" data-testid="sla-status">
            {message}
          </span>
        </div>
      </form>
    </section>
  );
}
