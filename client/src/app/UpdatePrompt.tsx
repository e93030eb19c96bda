import { useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { applyUpdate, updateReady } from './serviceWorker';

/** "A new version of Baton is available — Reload", once a new build's service worker is waiting. */
export function UpdatePrompt() {
  const { t } = useTranslation();
  const ready = useSyncExternalStore(updateReady.subscribe, updateReady.get);
  const [later, setLater] = useState(false);
  if (!ready || later) return null;
  return (
    <div className="update-prompt" role="status" data-testid="update-prompt">
      <span>{t('offline.update.available')}</span>
      <button type="button" className="btn btn-primary btn-sm" onClick={applyUpdate}>
        {t('offline.update.reload')}
      </button>
      <button type="button" className="btn btn-ghost btn-sm" onClick={() => setLater(true)}>
        {t('offline.update.later')}
      </button>
    </div>
  );
}
