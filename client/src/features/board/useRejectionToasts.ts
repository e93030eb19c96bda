import { useCallback } from 'react';
import { useOnRejection, type RejectedChange } from '../../sync/hooks';
import { rejectionText } from '../notifications/rejectionText';
import { showToast } from '../notifications/toasts';
import { openRejectionsPanel } from './RejectionsPanel';

/** Every refused change becomes a toast in words (it also stays in the "changes not applied" list). */
export function useRejectionToasts(stageLabel: (id: string) => string): void {
  const onRejection = useCallback(
    (r: RejectedChange) => {
      if (r.shownInline) return; // the dialog or page that sent it shows the refusal itself
      showToast({
        tone: 'error',
        render: (tr, lang) => rejectionText(r, tr, lang, stageLabel),
        action: { label: (tr) => tr('reject.details'), run: openRejectionsPanel },
      });
    },
    [stageLabel],
  );
  useOnRejection(onRejection);
}
