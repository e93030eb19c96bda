import type { CustomFieldDef } from '@baton/shared-types';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n';
import { Field } from '../../ui/Field';
import type { CustomDraft } from './customFields';

interface Props {
  def: CustomFieldDef;
  value: CustomDraft;
  language: Language;
  onChange(value: CustomDraft): void;
  error?: string | undefined;
  disabled?: boolean;
  autoFocus?: boolean;
  /** Shown instead of the field's own label (e.g. when a list already names it). */
  label?: string;
  testId?: string;
}

/** Input for a field a stage adds to cards: text, number or a yes/no checkbox. */
export function CustomFieldInput({ def, value, language, onChange, error, disabled = false, autoFocus = false, label, testId }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const name = label ?? def.label[language];
  if (def.type === 'boolean') {
    return (
      <label className="check-row" htmlFor={id}>
        <input id={id} type="checkbox" checked={value === true} disabled={disabled} autoFocus={autoFocus} data-testid={testId} onChange={(e) => onChange(e.target.checked)} />
        <span>{name}</span>
      </label>
    );
  }
  return (
    <Field label={name} error={error}>
      {(a11y) => (
        <input
          {...a11y}
          className="input"
          name={`custom.${def.key}`}
          type="text"
          inputMode={def.type === 'number' ? 'decimal' : undefined}
          autoComplete="off"
          maxLength={1000}
          value={String(value)}
          disabled={disabled}
          autoFocus={autoFocus}
          placeholder={def.type === 'number' ? '0' : t('customFields.placeholder')}
          data-testid={testId}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
