import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from './http';
import { readOfflineCopy, saveOfflineCopy } from './offlineCopy';

export interface QueryState<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload(): void;
}

interface Result<T> {
  key: string;
  path: string;
  data?: T;
  error?: ApiError;
}

/**
 * GETs a JSON resource; `path === null` skips the request. Keeps the last data while reloading
 * (with `keepData`, also while a changed path loads, e.g. a `?v=` that follows live changes).
 */
export function useApiQuery<T>(path: string | null, token: string | null, { keepData = false }: { keepData?: boolean } = {}): QueryState<T> {
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<Result<T> | null>(null);
  const key = path === null ? null : `${token ?? ''} ${path} #${attempt}`;

  useEffect(() => {
    if (path === null || key === null) return;
    const controller = new AbortController();
    api<T>(path, { token, signal: controller.signal }).then(
      (data) => {
        saveOfflineCopy(path, token, data);
        setResult({ key, path, data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = error instanceof ApiError ? error : new ApiError(0, 'internal', String(error));
        // Offline, the few answers the app cannot work without come from this device's last copy.
        const copy = apiError.reason === 'network' ? readOfflineCopy<T>(path, token) : undefined;
        setResult(copy === undefined ? { key, path, error: apiError } : { key, path, data: copy });
      },
    );
    return () => controller.abort();
  }, [key, path, token]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const offline = result?.key === key && result.error?.reason === 'network';

  // A request that failed for lack of network is tried again as soon as the browser is back online.
  useEffect(() => {
    if (!offline) return;
    window.addEventListener('online', reload);
    return () => window.removeEventListener('online', reload);
  }, [offline, reload]);
  const current = result && result.key === key ? result : null;
  const samePath = result && result.path === path ? result : null;
  return {
    data: current?.data ?? samePath?.data ?? (keepData && path !== null ? result?.data : undefined),
    error: current?.error ?? null,
    loading: path !== null && current === null,
    reload,
  };
}
