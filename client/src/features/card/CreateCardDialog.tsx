import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog';
import { useBoard } from '../board/BoardContext';
import { CardFields } from './CardFields';
import { createFields, emptyForm, validateForm, type CardFormValues, type FormErrors, type FormField } from './cardForm';
import type { NewCardFields } from './useCardActions';

const FIELDS: readonly FormField[] = ['title', 'customer', 'amount', 'currency', 'channel', 'dealType', 'region', 'industry', 'contactName', 'nextStep'];

interface Props {
  open: boolean;
  onClose(): void;
  onCreate(fields: Omit<NewCardFields, 'id'>): void;
}

/** New deal: validated form; Enter submits, Escape closes, focus starts on the title. */
export function CreateCardDialog({ open, onClose, onCreate }: Props) {
  const { t } = useTranslation();
  const board = useBoard();
  return (
    <Dialog open={open} title={t('create.title')} description={t('create.description', { stage: board.stageLabel(board.stages[0]?.id ?? 'lead') })} onClose={onClose} closeLabel={t('drawer.close')} testId="create-card-dialog">
      {open ? <CreateCardForm initial={emptyForm(board.mainCurrency, board.me.id)} onCancel={onClose} onCreate={onCreate} /> : null}
    </Dialog>
  );
}

function CreateCardForm({ initial, onCancel, onCreate }: { initial: CardFormValues; onCancel(): void; onCreate: Props['onCreate'] }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [submitted, setSubmitted] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = validateForm(values, FIELDS);
    setErrors(found);
    setSubmitted(true);
    if (Object.keys(found).length > 0) {
      const first = FIELDS.find((f) => found[f]);
      (document.querySelector(`.dialog [name="${first}"]`) as HTMLElement | null)?.focus();
      return;
    }
    onCreate(createFields(values));
  };

  return (
    <form className="dialog-form" onSubmit={submit} noValidate>
      <CardFields
        fields={FIELDS}
        values={values}
        errors={errors}
        autoFocus="title"
        placeholders={{ title: t('create.placeholderTitle'), customer: t('create.placeholderCustomer'), nextStep: t('create.placeholderNextStep') }}
        onChange={(field, value) => {
          const next = { ...values, [field]: value };
          setValues(next);
          if (submitted) setErrors(validateForm(next, FIELDS));
        }}
      />
      <footer className="dialog-footer">
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          {t('create.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" data-testid="create-submit">
          {t('create.submit')}
        </button>
      </footer>
    </form>
  );
}
