import { CHANNELS, DEAL_TYPES } from '@baton/shared-types';
import { useTranslation } from 'react-i18next';
import type { BoardMember } from '../../api/types';
import { Field } from '../../ui/Field';
import { CURRENCIES, MAX_LENGTH, type CardFormValues, type FormErrors, type FormField } from './cardForm';

interface Props {
  fields: readonly FormField[];
  values: CardFormValues;
  errors: FormErrors;
  onChange(field: FormField, value: string): void;
  /** Read-only fields with the reason shown under them. */
  readOnly?: Partial<Record<FormField, string>>;
  members?: readonly BoardMember[];
  placeholders?: Partial<Record<FormField, string>>;
  /** Field that gets focus when the form opens. */
  autoFocus?: FormField;
}

const WIDE: ReadonlySet<FormField> = new Set(['title', 'needSummary', 'nextStep']);

/** The inputs for a set of card fields, labelled and validated, in the UI language. */
export function CardFields({ fields, values, errors, onChange, readOnly = {}, members = [], placeholders = {}, autoFocus }: Props) {
  const { t } = useTranslation();
  const currencies = CURRENCIES.includes(values.currency as (typeof CURRENCIES)[number]) || !values.currency ? CURRENCIES : [values.currency, ...CURRENCIES];

  return (
    <div className="form-grid">
      {fields.map((field) => {
        const label = t(`fields.${field}`);
        const error = errors[field];
        const note = readOnly[field];
        return (
          <Field
            key={field}
            label={label}
            error={error ? t(error.key, { field: label, ...error.params }) : undefined}
            hint={note}
            className={WIDE.has(field) ? 'span-2' : ''}
          >
            {(a11y) => {
              const common = {
                ...a11y,
                name: field,
                value: values[field],
                disabled: note !== undefined,
                autoFocus: autoFocus === field,
                className: 'input',
              };
              const change = (e: { target: { value: string } }) => onChange(field, e.target.value);
              switch (field) {
                case 'channel':
                  return (
                    <select {...common} onChange={change}>
                      {CHANNELS.map((c) => (
                        <option key={c} value={c}>
                          {t(`channels.${c}`)}
                        </option>
                      ))}
                    </select>
                  );
                case 'dealType':
                  return (
                    <select {...common} onChange={change}>
                      {DEAL_TYPES.map((d) => (
                        <option key={d} value={d}>
                          {t(`dealTypes.${d}`)}
                        </option>
                      ))}
                    </select>
                  );
                case 'currency':
                  return (
                    <select {...common} onChange={change}>
                      {currencies.map((c) => (
                        <option key={c} value={c}>
                          {c}
                        </option>
                      ))}
                    </select>
                  );
                case 'ownerId':
                  return (
                    <select {...common} onChange={change}>
                      {members.some((m) => m.userId === values.ownerId) ? null : <option value={values.ownerId}>{values.ownerId}</option>}
                      {members.map((m) => (
                        <option key={m.userId} value={m.userId}>
                          {m.displayName} · {t(`roles.${m.role}`)}
                        </option>
                      ))}
                    </select>
                  );
                case 'needSummary':
                  return <textarea {...common} rows={4} maxLength={MAX_LENGTH.needSummary} onChange={change} placeholder={placeholders[field]} />;
                case 'amount':
                  return <input {...common} inputMode="decimal" autoComplete="off" onChange={change} placeholder="0" />;
                default:
                  return <input {...common} type="text" autoComplete="off" maxLength={MAX_LENGTH[field]} onChange={change} placeholder={placeholders[field]} />;
              }
            }}
          </Field>
        );
      })}
    </div>
  );
}
