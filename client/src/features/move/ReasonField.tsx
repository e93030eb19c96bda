import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';

interface Props {
  value: string;
  onChange(value: string): void;
  autoFocus: boolean;
  /** The reason is for overriding a WIP limit rather than for moving back. */
  forOverride: boolean;
  onSubmit(): void;
}

/** Why the card moves back (or why the limit is overridden): required, recorded in the history. */
export function ReasonField({ value, onChange, autoFocus, forOverride, onSubmit }: Props) {
  const { t } = useTranslation();
  const [tried, setTried] = useState(false);
  const empty = value.trim() === '';
  return (
    <Field label={forOverride ? t('reason.overrideLabel') : t('reason.label')} error={tried && empty ? t('reason.required') : undefined} hint={t('reason.hint')}>
      {(a11y) => (
        <textarea
          {...a11y}
          className="input"
          rows={3}
          maxLength={1000}
          autoFocus={autoFocus}
          value={value}
          placeholder={forOverride ? t('reason.overridePlaceholder') : t('reason.placeholder')}
          data-testid="move-reason-input"
          onChange={(e) => onChange(e.target.value)}
          onBlur={() => setTried(value !== '' || tried)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              setTried(true);
              if (!empty) onSubmit();
            }
          }}
        />
      )}
    </Field>
  );
}
