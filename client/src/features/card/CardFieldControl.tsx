import { CHANNELS, DEAL_TYPES } from '@baton/shared-types';
import { useTranslation } from 'react-i18next';
import type { BoardMember } from '../../api/types';
import { CURRENCIES, MAX_LENGTH, type FormField } from './cardForm';

export interface ControlA11y {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

interface Props {
  field: FormField;
  value: string;
  a11y: ControlA11y;
  onChange(value: string): void;
  disabled?: boolean;
  autoFocus?: boolean;
  placeholder?: string | undefined;
  members?: readonly BoardMember[];
  testId?: string;
}

/** The input for one card field: a select for fixed choices, a textarea for long text, else a text input. */
export function CardFieldControl({ field, value, a11y, onChange, disabled = false, autoFocus = false, placeholder, members = [], testId }: Props) {
  const { t } = useTranslation();
  const common = { ...a11y, name: field, value, disabled, autoFocus, className: 'input', 'data-testid': testId };
  const change = (e: { target: { value: string } }) => onChange(e.target.value);
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
    case 'currency': {
      const currencies = CURRENCIES.includes(value as (typeof CURRENCIES)[number]) || !value ? CURRENCIES : [value, ...CURRENCIES];
      return (
        <select {...common} onChange={change}>
          {currencies.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      );
    }
    case 'ownerId':
      return (
        <select {...common} onChange={change}>
          {members.some((m) => m.userId === value) ? null : <option value={value}>{value}</option>}
          {members.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.displayName} · {t(`roles.${m.role}`)}
            </option>
          ))}
        </select>
      );
    case 'needSummary':
      return <textarea {...common} rows={4} maxLength={MAX_LENGTH.needSummary} onChange={change} placeholder={placeholder} />;
    case 'amount':
      return <input {...common} inputMode="decimal" autoComplete="off" onChange={change} placeholder={placeholder ?? '0'} />;
    default:
      return <input {...common} type="text" autoComplete="off" maxLength={MAX_LENGTH[field]} onChange={change} placeholder={placeholder} />;
  }
}
