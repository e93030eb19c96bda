import { canActOnCard, stageIndex, type Card, type UserId } from '@baton/shared-types';
import { useTranslation } from 'react-i18next';
import type { CommandStatus } from '../../sync/useTrackedCommands';
import type { BoardBasics } from '../board/useBoardBasics';
import { refusalText } from '../board/permissions';
import { handoffRefusal } from './refusalText';

/** The stage from which a deal has a handoff pack (the server's rule; it creates one on entry). */
export const PACK_STAGE = 'negotiation';

interface Props {
  card: Card;
  basics: BoardBasics;
  status: CommandStatus | undefined;
  onCreate(): void;
}

/** A deal without a pack: what the pack is, and "Create handoff pack" for those who may (from Negotiation on). */
export function PackEmptyState({ card, basics, status, onCreate }: Props) {
  const { t } = useTranslation();
  const mayEdit = !!basics.actor && canActOnCard({ userId: basics.actor.userId as UserId, role: basics.actor.role }, 'edit', card).ok;
  const packAt = stageIndex(basics.stages, PACK_STAGE);
  const tooEarly = packAt >= 0 && stageIndex(basics.stages, card.stage) < packAt;
  const stage = basics.stageLabel(PACK_STAGE);
  const pending = status?.state === 'pending';
  return (
    <div className="pack-empty" data-testid="pack-empty">
      <div className="pack-empty-icon" aria-hidden="true" />
      <h2>{t('handoff.empty.title')}</h2>
      <p className="muted">{t('handoff.empty.body')}</p>
      {mayEdit ? (
        <>
          <button type="button" className="btn btn-primary" disabled={tooEarly || pending} data-testid="create-pack" onClick={onCreate}>
            {pending ? t('handoff.empty.creating') : t('handoff.empty.create')}
          </button>
          <p className="field-hint">{tooEarly ? t('handoff.empty.tooEarly', { stage, current: basics.stageLabel(card.stage) }) : t('handoff.empty.automatic', { stage })}</p>
        </>
      ) : (
        <p className="notice notice-muted">{t('handoff.empty.notAllowed', { reason: refusalText(basics.actor, 'edit', card, t) ?? '' })}</p>
      )}
      {status?.state === 'refused' ? (
        <p className="field-error" role="alert">
          {handoffRefusal('createPack', status, t)}
        </p>
      ) : null}
    </div>
  );
}
