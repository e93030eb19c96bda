import { isCardFieldName, isRequirementMet, type AttachmentRef, type Card, type MissingItem, type StageConfig } from '@baton/shared-types';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';
import { CheckIcon } from '../../ui/icons';
import { FileUpload } from '../attachments/FileUpload';
import { useBoard } from '../board/BoardContext';
import { CardFieldControl } from '../card/CardFieldControl';
import type { FormField } from '../card/cardForm';
import { CustomFieldInput } from '../card/CustomFieldInput';
import type { CustomDraft } from '../card/customFields';
import { customFieldDef } from './moveForm';
import { PackGateItem } from './PackGateItem';

interface Props {
  item: MissingItem;
  /** The card with everything typed and uploaded so far. */
  effective: Card;
  stages: readonly StageConfig[];
  draft: CustomDraft | undefined;
  invalid: boolean;
  token: string;
  autoFocus: boolean;
  onDraft(key: string, value: CustomDraft): void;
  onUploaded(attachment: AttachmentRef): void;
}

/** One missing item with the control that fills it: an input for a field, a file picker for an attachment. */
export function GateItemRow({ item, effective, stages, draft, invalid, token, autoFocus, onDraft, onUploaded }: Props) {
  const { t } = useTranslation();
  const board = useBoard();
  const met = isRequirementMet(item.requirement, effective);
  const label = item.label[board.language] || item.label.en;
  const req = item.requirement;
  const testKey = req.kind === 'attachment' ? req.attachmentKind : req.kind === 'field' ? req.field : req.kind;

  let control: ReactNode = null;
  if (req.kind === 'packSubmitted') {
    control = <PackGateItem card={effective} label={label} met={met} />;
  } else if (req.kind === 'attachment') {
    control = (
      <FileUpload
        boardId={board.boardId}
        cardId={effective.id}
        token={token}
        kind={req.attachmentKind}
        locale={board.locale}
        existing={effective.attachments.find((a) => a.kind === req.attachmentKind)}
        onUploaded={onUploaded}
        label={t('gate.attach', { item: label })}
        testId={`gate-file-${req.attachmentKind}`}
      />
    );
  } else if (req.kind === 'field' && req.field.startsWith('custom.')) {
    const def = customFieldDef(stages, req.field.slice('custom.'.length));
    control = def ? (
      <CustomFieldInput
        def={def}
        value={draft ?? (def.type === 'boolean' ? false : '')}
        language={board.language}
        label={label}
        autoFocus={autoFocus}
        error={invalid ? t('validation.number') : undefined}
        testId={`gate-field-${req.field}`}
        onChange={(value) => onDraft(req.field, value)}
      />
    ) : null;
  } else if (req.kind === 'field' && isCardFieldName(req.field)) {
    const field = req.field as FormField;
    control = (
      <Field label={label} error={invalid ? t('validation.amount') : undefined}>
        {(a11y) => (
          <CardFieldControl
            field={field}
            value={typeof draft === 'string' ? draft : ''}
            a11y={a11y}
            autoFocus={autoFocus}
            members={[...board.members.values()]}
            testId={`gate-field-${field}`}
            onChange={(value) => onDraft(field, value)}
          />
        )}
      </Field>
    );
  }

  return (
    <li className={`gate-item ${met ? 'is-met' : ''}`} data-testid={`gate-item-${testKey}`} data-met={met ? 'true' : 'false'}>
      <span className="gate-status" aria-hidden="true">
        {met ? <CheckIcon /> : null}
      </span>
      <div className="gate-item-main">
        {req.kind === 'attachment' || control === null ? (
          <div className="gate-item-label">
            {label}
            <span className="visually-hidden">{met ? t('gate.done') : t('gate.todo')}</span>
          </div>
        ) : null}
        {control ?? <p className="field-hint">{t('gate.unknownRequirement')}</p>}
      </div>
    </li>
  );
}
