import { useTranslation } from 'react-i18next';
import type { CommandStatus } from './useStageCommands';

/** "Saving…", "Saved" or the server's refusal in words, for the last change to a stage. */
export function StageStatus({ status, stage }: { status: CommandStatus | undefined; stage: string }) {
  const { t } = useTranslation();
  if (!status) return null;
  const what = t(`stages.what.${status.what}`, { defaultValue: status.what });
  if (status.state === 'pending') {
    return (
      <p className="stage-status is-pending" role="status" data-testid="stage-status" data-state="pending">
        <span className="spinner spinner-sm" aria-hidden="true" />
        {t('stages.status.pending', { what })}
      </p>
    );
  }
  if (status.state === 'saved') {
    return (
      <p className="stage-status is-saved" role="status" data-testid="stage-status" data-state="saved">
        {t('stages.status.saved', { what })}
      </p>
    );
  }
  const count = typeof status.details?.count === 'number' ? status.details.count : null;
  // A retire refused for the cards still in the stage says so with the count; others carry the server's sentence.
  const text =
    status.reason === 'conflict' && count !== null
      ? t('stages.retireRefused', { count, stage })
      : t('stages.status.refused', { what, message: `${t(`reject.reasons.${status.reason}`)}: ${status.message}` });
  return (
    <p className="stage-status is-refused" role="alert" data-testid="stage-status" data-state="refused">
      {text}
    </p>
  );
}
