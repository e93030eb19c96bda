import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import type { DemoUsersResponse } from '../../api/types';
import { useApiQuery } from '../../api/useApiQuery';
import { LanguageControl } from '../../i18n/LanguageControl';
import { Avatar } from '../../ui/Avatar';
import { Field } from '../../ui/Field';
import { userColor } from '@baton/shared-types';
import { useAuth } from './AuthContext';

export function LoginPage() {
  const { t } = useTranslation();
  const { login, signedOutReason } = useAuth();
  const demo = useApiQuery<DemoUsersResponse>('/api/demo-users', null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(signedOutReason === 'expired' ? t('login.expired') : null);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError(t('login.required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.status === 401) setError(t('login.invalid'));
      else setError(t('login.failed', { message: err instanceof Error ? err.message : String(err) }));
      passwordRef.current?.select();
    }
  };

  const users = demo.data?.users ?? [];
  return (
    <div className="login-page">
      <div className="login-topbar">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true">
            B
          </span>
          <span className="brand-name">Baton</span>
        </span>
        <LanguageControl />
      </div>
      <main className="login-main">
        <section className="login-card" aria-labelledby="login-title">
          <h1 id="login-title" className="login-title">
            {t('login.title')}
          </h1>
          <p className="login-subtitle">{t('login.subtitle')}</p>
          <form className="login-form" onSubmit={(e) => void submit(e)} noValidate>
            <Field label={t('login.username')}>
              {(a11y) => (
                <input {...a11y} className="input" name="username" autoComplete="username" autoFocus value={username} onChange={(e) => setUsername(e.target.value)} data-testid="login-username" />
              )}
            </Field>
            <Field label={t('login.password')}>
              {(a11y) => (
                <input
                  {...a11y}
                  ref={passwordRef}
                  className="input"
                  name="password"
                  type="password"
                  autoComplete="current-password"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                  data-testid="login-password"
                />
              )}
            </Field>
            {error ? (
              <p className="form-error" role="alert" data-testid="login-error">
                {error}
              </p>
            ) : null}
            <button type="submit" className="btn btn-primary btn-block" disabled={busy} data-testid="login-submit">
              {busy ? t('login.submitting') : t('login.submit')}
            </button>
          </form>
        </section>
        {demo.error || users.length > 0 ? (
          <section className="demo-card" aria-labelledby="demo-title">
            <h2 id="demo-title" className="demo-title">
              {t('login.demoTitle')}
            </h2>
            <p className="demo-hint">{t('login.demoHint')}</p>
            {demo.error ? <p className="form-error">{t('login.demoError')}</p> : null}
            <ul className="demo-list">
              {users.map((u) => (
                <li key={u.username}>
                  <button
                    type="button"
                    className={`demo-user ${username === u.username ? 'is-selected' : ''}`}
                    data-testid={`demo-user-${u.username}`}
                    onClick={() => {
                      setUsername(u.username);
                      setError(null);
                      passwordRef.current?.focus();
                    }}
                  >
                    <Avatar name={u.displayName} color={userColor(u.username)} size="sm" />
                    <span className="demo-user-text">
                      <span className="demo-user-name">{u.displayName}</span>
                      <span className="demo-user-login">{u.username}</span>
                    </span>
                    <span className={`role-pill role-${u.role}`}>{t(`roles.${u.role}`)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </main>
      <p className="login-footer">{t('app.tagline')}</p>
    </div>
  );
}
