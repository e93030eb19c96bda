import { useTranslation } from 'react-i18next';
import type { BoardMember } from '../../api/types';
import { Field } from '../../ui/Field';
import { CardFieldControl } from './CardFieldControl';
import type { CardFormValues, FormErrors, FormField } from './cardForm';

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
  return (
    <div className="form-grid">
      {fields.map((field) => {
        const label = t(`fields.${field}`);
        const error = errors[field];
        const note = readOnly[field];
        return (
          <Field key={field} label={label} error={error ? t(error.key, { field: label, ...error.params }) : undefined} hint={note} className={WIDE.has(field) ? 'span-2' : ''}>
            {(a11y) => (
              <CardFieldControl
                field={field}
                value={values[field]}
                a11y={a11y}
                disabled={note !== undefined}
                autoFocus={autoFocus === field}
                placeholder={placeholders[field]}
                members={members}
                onChange={(value) => onChange(field, value)}
              />
            )}
          </Field>
        );
      })}
    </div>
  );
}
