import type { RejectReason } from '@baton/shared-types';

/** A failed API call: HTTP status plus the server's reason code and sentence. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: RejectReason | 'network',
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let unauthorizedHandler: (() => void) | null = null;

/** Called when an authenticated request answers 401 (expired or revoked session). */
export function onUnauthorized(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

interface RequestOptions {
  token?: string | null;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

/** Reports an expired or revoked session (for requests made outside `api`). */
export function notifyUnauthorized(): void {
  unauthorizedHandler?.();
}

export async function api<T>(path: string, { token, method = 'GET', body, signal }: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    const init: RequestInit = { method, headers };
    if (body !== undefined) init.body = JSON.stringify(body);
    if (signal) init.signal = signal;
    response = await fetch(path, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'The server could not be reached.');
  }
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    const err = (json as { error?: { reason?: RejectReason; message?: string } } | null)?.error;
    if (response.status === 401 && token) unauthorizedHandler?.();
    throw new ApiError(response.status, err?.reason ?? 'internal', err?.message ?? `${response.status} ${response.statusText}`);
  }
  return json as T;
}
