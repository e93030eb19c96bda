import { useTranslation } from 'react-i18next';
import type { CardDocState } from '../../sync/cardDocHooks';

/** "Saved" / "Saving…" / offline for a document the user writes; nothing for readers. */
export function DocStatus({ state }: { state: CardDocState }) {
  const { t } = useTranslation();
  if (state.scope !== 'read-write') return null;
  const text = !state.live ? t('handoff.editor.offline') : state.unsynced > 0 ? t('handoff.editor.saving') : t('handoff.editor.saved');
  const tone = !state.live ? 'offline' : state.unsynced > 0 ? 'busy' : 'ok';
  return (
    <span className={`doc-status tone-${tone}`} role="status" aria-live="polite" data-testid="doc-status" data-state={tone}>
      <span className="doc-status-dot" aria-hidden="true" />
      {text}
    </span>
  );
}
