import { requirementLabel, type StageConfig } from '@baton/shared-types';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n';
import { ArrowDownIcon, ArrowUpIcon, ChecklistIcon, PencilIcon } from '../../ui/icons';
import { StageStatus } from './StageStatus';
import type { CommandStatus } from './useStageCommands';

interface Props {
  stage: StageConfig;
  position: number;
  count: number;
  language: Language;
  status: CommandStatus | undefined;
  canUp: boolean;
  canDown: boolean;
  onEdit(): void;
  onUp(): void;
  onDown(): void;
  onRetire(): void;
}

/** One stage in the editor: its settings at a glance and the actions on it. */
export function StageRow({ stage, position, count, language, status, canUp, canDown, onEdit, onUp, onDown, onRetire }: Props) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const busy = status?.state === 'pending';
  const other: Language = language === 'zh' ? 'en' : 'zh';
  const sep = language === 'zh' ? '、' : ', ';
  return (
    <li className="stage-row" data-testid={`stage-row-${stage.id}`} style={{ ['--stage-color' as string]: stage.color }}>
      <div className="stage-row-head">
        <span className="stage-position" aria-hidden="true">
          {position}
        </span>
        <span className="stage-swatch" aria-hidden="true" />
        <div className="stage-names">
          <h3 className="stage-name">{stage.label[language]}</h3>
          <span className="stage-name-other" lang={other === 'zh' ? 'zh-CN' : 'en'}>
            {stage.label[other]} · <code>{stage.id}</code>
          </span>
        </div>
        <span className="stage-count">{t('board.cards', { count })}</span>
        <div className="stage-actions">
          <button type="button" className="icon-btn icon-btn-sm" aria-label={t('stages.moveUp', { stage: stage.label[language] })} title={t('stages.moveUp', { stage: stage.label[language] })} disabled={!canUp || busy} onClick={onUp} data-testid={`stage-up-${stage.id}`}>
            <ArrowUpIcon />
          </button>
          <button type="button" className="icon-btn icon-btn-sm" aria-label={t('stages.moveDown', { stage: stage.label[language] })} title={t('stages.moveDown', { stage: stage.label[language] })} disabled={!canDown || busy} onClick={onDown} data-testid={`stage-down-${stage.id}`}>
            <ArrowDownIcon />
          </button>
          <button type="button" className="btn btn-ghost btn-sm" onClick={onEdit} data-testid={`stage-edit-${stage.id}`}>
            <PencilIcon />
            {t('stages.edit')}
          </button>
          {confirming ? null : (
            <button type="button" className="btn btn-danger-ghost btn-sm" onClick={() => setConfirming(true)} data-testid={`stage-retire-${stage.id}`}>
              {t('stages.retire')}
            </button>
          )}
        </div>
      </div>
      <dl className="stage-facts">
        <div>
          <dt>
            <ChecklistIcon /> {t('stages.requirements')}
          </dt>
          <dd>{stage.requirements.length > 0 ? stage.requirements.map((r) => requirementLabel(r, stage)[language]).join(sep) : <span className="muted">{t('stages.noRequirements')}</span>}</dd>
        </div>
        <div>
          <dt>{t('stages.wipLimit')}</dt>
          <dd>{stage.wipLimit === null ? <span className="muted">{t('stages.noLimit')}</span> : t('stages.wipValue', { count: stage.wipLimit })}</dd>
        </div>
        <div>
          <dt>{t('stages.approver')}</dt>
          <dd>{stage.approverRole ? t(`roles.${stage.approverRole}`) : <span className="muted">{t('stages.noApprover')}</span>}</dd>
        </div>
        <div>
          <dt>{t('stages.customFields')}</dt>
          <dd>
            {stage.customFields.length > 0 ? (
              stage.customFields.map((f) => `${f.label[language]} (${t(`stages.types.${f.type}`)})`).join(sep)
            ) : (
              <span className="muted">{t('stages.noCustomFields')}</span>
            )}
          </dd>
        </div>
      </dl>
      {confirming ? (
        <div className="stage-confirm" role="group" aria-label={t('stages.retireTitle', { stage: stage.label[language] })}>
          <span>{count > 0 ? t('stages.retireBlocked', { count, stage: stage.label[language] }) : t('stages.retireConfirm', { stage: stage.label[language] })}</span>
          <button type="button" className="btn btn-ghost btn-sm" autoFocus onClick={() => setConfirming(false)}>
            {t('stages.keep')}
          </button>
          <button
            type="button"
            className="btn btn-danger btn-sm"
            data-testid={`stage-retire-confirm-${stage.id}`}
            onClick={() => {
              setConfirming(false);
              onRetire();
            }}
          >
            {t('stages.retire')}
          </button>
        </div>
      ) : null}
      <StageStatus status={status} stage={stage.label[language]} />
    </li>
  );
}
