import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/http';
import { useApiQuery } from '../../api/useApiQuery';
import { Spinner } from '../../ui/Spinner';

interface WebhookAnswer {
  webhook: { url: string } | null;
}

type Outcome = { kind: 'saved'; secret: string } | { kind: 'removed' } | { kind: 'failed'; message: string } | null;

const isHttpUrl = (value: string) => {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};

/** The board's outgoing alert webhook: address, optional secret, and the generated secret shown once. */
export function WebhookSettings({ boardId, token }: { boardId: string; token: string }) {
  const { t } = useTranslation();
  const path = `/api/boards/${encodeURIComponent(boardId)}/webhook`;
  const current = useApiQuery<WebhookAnswer>(path, token);
  const [url, setUrl] = useState<string | null>(null);
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState<'save' | 'remove' | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [error, setError] = useState<'invalidUrl' | 'invalidSecret' | null>(null);
  const [copied, setCopied] = useState(false);
  const shownUrl = url ?? current.data?.webhook?.url ?? '';

  const run = async (kind: 'save' | 'remove') => {
    setBusy(kind);
    setOutcome(null);
    setCopied(false);
    try {
      if (kind === 'save') {
        const body = secret.trim() ? { url: shownUrl.trim(), secret: secret.trim() } : { url: shownUrl.trim() };
        const answer = await api<{ secret: string }>(path, { token, method: 'PUT', body });
        setOutcome({ kind: 'saved', secret: answer.secret });
        setSecret('');
      } else {
        await api(path, { token, method: 'DELETE' });
        setOutcome({ kind: 'removed' });
      }
      setUrl(null);
      current.reload();
    } catch (e) {
      setOutcome({ kind: 'failed', message: e instanceof ApiError ? e.message : String(e) });
    } finally {
      setBusy(null);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = !isHttpUrl(shownUrl.trim()) ? 'invalidUrl' : secret.trim() !== '' && secret.trim().length < 16 ? 'invalidSecret' : null;
    setError(problem);
    if (!problem) void run('save');
  };

  const copy = (value: string) => {
    void navigator.clipboard?.writeText(value).then(() => setCopied(true), () => setCopied(false));
  };

  return (
    <section className="settings-section" aria-labelledby="webhook-title" data-testid="webhook-settings">
      <header className="settings-section-head">
        <h2 id="webhook-title">{t('settings.webhookTitle')}</h2>
        <p className="muted">{t('settings.webhookIntro')}</p>
      </header>
      {current.loading && !current.data ? (
        <Spinner label={t('app.loading')} />
      ) : current.error ? (
        <p className="notice notice-warn" role="alert">
          {t('settings.loadFailed', { message: current.error.message })}
        </p>
      ) : (
        <p className="webhook-current" data-testid="webhook-current">
          <span className={`webhook-dot ${current.data?.webhook ? 'is-on' : ''}`} aria-hidden="true" />
          {current.data?.webhook ? t('settings.current', { url: current.data.webhook.url }) : t('settings.none')}
        </p>
      )}
      <form className="webhook-form" onSubmit={submit} noValidate>
        <div className={`field ${error === 'invalidUrl' ? 'has-error' : ''}`}>
          <label className="field-label" htmlFor="webhook-url">
            {t('settings.url')}
          </label>
          <input id="webhook-url" className="input" type="url" placeholder={t('settings.urlPlaceholder')} value={shownUrl} onChange={(e) => setUrl(e.target.value)} data-testid="webhook-url" />
          {error === 'invalidUrl' ? <span className="field-error">{t('settings.invalidUrl')}</span> : null}
        </div>
        <div className={`field ${error === 'invalidSecret' ? 'has-error' : ''}`}>
          <label className="field-label" htmlFor="webhook-secret">
            {t('settings.secret')}
          </label>
          <input id="webhook-secret" className="input" type="password" autoComplete="new-password" value={secret} onChange={(e) => setSecret(e.target.value)} data-testid="webhook-secret" />
          <span className={error === 'invalidSecret' ? 'field-error' : 'field-hint'}>{error === 'invalidSecret' ? t('settings.invalidSecret') : t('settings.secretHint')}</span>
        </div>
        <div className="settings-actions">
          <button type="submit" className="btn btn-primary" disabled={busy !== null} data-testid="webhook-save">
            {busy === 'save' ? t('settings.saving') : t('settings.saveWebhook')}
          </button>
          {current.data?.webhook ? (
            <button type="button" className="btn btn-danger-ghost" disabled={busy !== null} onClick={() => void run('remove')} data-testid="webhook-remove">
              {busy === 'remove' ? t('settings.removing') : t('settings.removeWebhook')}
            </button>
          ) : null}
          <span className="settings-status" role="status">
            {outcome?.kind === 'removed' ? t('settings.webhookRemoved') : outcome?.kind === 'failed' ? t('settings.webhookFailed', { message: outcome.message }) : outcome?.kind === 'saved' ? t('settings.webhookSaved') : ''}
          </span>
        </div>
      </form>
      {outcome?.kind === 'saved' ? (
        <div className="secret-once" role="alert" data-testid="webhook-secret-once">
          <p>{t('settings.secretOnce')}</p>
          <div className="secret-row">
            <code data-testid="webhook-secret-value">{outcome.secret}</code>
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => copy(outcome.secret)}>
              {copied ? t('settings.copied') : t('settings.copy')}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
