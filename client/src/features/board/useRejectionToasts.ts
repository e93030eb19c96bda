import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useOnRejection, type RejectedChange } from '../../sync/hooks';
import { rejectionText } from '../notifications/rejectionText';
import { showToast } from '../notifications/toasts';
import { openRejectionsPanel } from './RejectionsPanel';

/** Every refused change becomes a toast in words (it also stays in the "changes not applied" list). */
export function useRejectionToasts(stageLabel: (id: string) => string): void {
  const { t } = useTranslation();
  const onRejection = useCallback(
    (r: RejectedChange) => {
      showToast({
        tone: 'error',
        render: (tr, lang) => rejectionText(r, tr, lang, stageLabel),
        action: { label: t('reject.details'), run: openRejectionsPanel },
      });
    },
    [t, stageLabel],
  );
  useOnRejection(onRejection);
}
