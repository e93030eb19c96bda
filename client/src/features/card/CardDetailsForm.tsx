import type { Card } from '@baton/shared-types';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoard } from '../board/BoardContext';
import { refusalText } from '../board/permissions';
import { CardFields } from './CardFields';
import { changedFields, formFromCard, toFields, validateForm, type CardFormValues, type FormErrors, type FormField } from './cardForm';
import { customPatch, type CustomDraft } from './customFields';
import { StageFieldsSection } from './StageFieldsSection';
import { useCardActions } from './useCardActions';

const FIELDS: readonly FormField[] = ['title', 'customer', 'amount', 'currency', 'ownerId', 'channel', 'dealType', 'region', 'industry', 'contactName', 'decisionMaker', 'nextStep', 'needSummary'];

/** The Details tab: the card's fields and its stage fields, saved together as one updateCard. */
export function CardDetailsForm({ card }: { card: Card }) {
  const { t } = useTranslation();
  const board = useBoard();
  const actions = useCardActions();
  const [edits, setEdits] = useState<Partial<CardFormValues>>({});
  const [custom, setCustom] = useState<Record<string, CustomDraft>>({});
  const [errors, setErrors] = useState<FormErrors>({});
  const values: CardFormValues = { ...formFromCard(card), ...edits };
  const editRefusal = refusalText(board.actor, 'edit', card, t);
  const reassignRefusal = refusalText(board.actor, 'reassign', card, t);
  const archiveRefusal = refusalText(board.actor, 'archive', card, t);
  const locked = editRefusal !== null || card.archived;
  const readOnly: Partial<Record<FormField, string>> = locked ? Object.fromEntries(FIELDS.map((f) => [f, ''])) : reassignRefusal ? { ownerId: t('drawer.ownerReadOnly') } : {};
  const defs = board.stages.flatMap((s) => s.customFields);
  const customChanges = customPatch(card, defs, custom);
  const patch = changedFields(card, toFields(edits));
  const fullPatch = Object.keys(customChanges.patch).length > 0 ? { ...patch, customFields: customChanges.patch } : patch;
  const dirty = Object.keys(fullPatch).length > 0;

  const save = (e: FormEvent) => {
    e.preventDefault();
    const found = validateForm(values, Object.keys(edits) as FormField[]);
    setErrors(found);
    if (Object.keys(found).length > 0 || customChanges.invalid.length > 0 || !dirty || locked) return;
    actions.update(card, fullPatch);
    setEdits({});
    setCustom({});
  };

  return (
    <form id="panel-details" role="tabpanel" aria-labelledby="tab-details" className="drawer-form" onSubmit={save} noValidate>
      {editRefusal ? <p className="notice notice-muted drawer-notice">{t('drawer.readOnly', { reason: editRefusal })}</p> : null}
      <CardFields
        fields={FIELDS}
        values={values}
        errors={errors}
        readOnly={readOnly}
        members={[...board.members.values()]}
        onChange={(field, value) => setEdits((prev) => ({ ...prev, [field]: value }))}
      />
      <StageFieldsSection
        card={card}
        stages={board.stages}
        language={board.language}
        drafts={custom}
        invalid={customChanges.invalid}
        readOnly={locked}
        onChange={(key, value) => setCustom((prev) => ({ ...prev, [key]: value }))}
      />
      <footer className="drawer-footer">
        {archiveRefusal ? null : card.archived ? (
          <button type="button" className="btn btn-ghost" onClick={() => actions.restore(card)}>
            {t('drawer.restore')}
          </button>
        ) : (
          <button type="button" className="btn btn-danger-ghost" data-testid="archive-card" onClick={() => actions.archive(card)}>
            {t('drawer.archive')}
          </button>
        )}
        <span className="spacer" />
        {locked ? null : (
          <button type="submit" className="btn btn-primary" disabled={!dirty} title={dirty ? undefined : t('drawer.noChanges')} data-testid="save-card">
            {t('drawer.save')}
          </button>
        )}
      </footer>
    </form>
  );
}
