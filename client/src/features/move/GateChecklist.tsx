import type { AttachmentRef, Card, MissingItem, StageConfig } from '@baton/shared-types';
import { useTranslation } from 'react-i18next';
import { useBoard } from '../board/BoardContext';
import type { CustomDraft } from '../card/customFields';
import { GateItemRow } from './GateItemRow';
import { draftKey, groupByStage, itemKey } from './moveForm';

interface Props {
  items: readonly MissingItem[];
  /** The stage the card goes to (a group for another stage is one passed on the way). */
  toStage: string;
  effective: Card;
  stages: readonly StageConfig[];
  drafts: Readonly<Record<string, CustomDraft>>;
  invalid: readonly string[];
  token: string;
  onDraft(key: string, value: CustomDraft): void;
  onUploaded(attachment: AttachmentRef): void;
}

/** What the card needs, grouped by the stage that asks for it, each with its control. */
export function GateChecklist({ items, toStage, effective, stages, drafts, invalid, token, onDraft, onUploaded }: Props) {
  const { t } = useTranslation();
  const board = useBoard();
  const groups = groupByStage(items);
  const firstField = items.find((i) => i.requirement.kind === 'field');
  return (
    <div className="gate-groups" data-testid="gate-checklist">
      {groups.map((group) => (
        <section key={group.stageId} className="gate-group" aria-label={t('gate.groupLabel', { stage: board.stageLabel(group.stageId) })}>
          {groups.length > 1 || group.stageId !== toStage ? (
            <h3 className="gate-group-title" style={{ ['--stage-color' as string]: stages.find((s) => s.id === group.stageId)?.color }}>
              {t('gate.groupTitle', { stage: board.stageLabel(group.stageId) })}
            </h3>
          ) : null}
          <ul className="gate-list">
            {group.items.map((item) => {
              const key = draftKey(item.requirement);
              return (
                <GateItemRow
                  key={itemKey(item)}
                  item={item}
                  effective={effective}
                  stages={stages}
                  draft={key ? drafts[key] : undefined}
                  invalid={key !== null && invalid.includes(key)}
                  token={token}
                  autoFocus={item === firstField}
                  onDraft={onDraft}
                  onUploaded={onUploaded}
                />
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
