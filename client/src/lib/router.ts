import { useSyncExternalStore, type MouseEvent } from 'react';
import { ValueStore } from './valueStore';

export type PackTab = 'pack' | 'plan';

/** The app's few routes, read from the address bar (the server answers every path with the app). */
export type Route =
  | { name: 'board'; boardId: string | null }
  | { name: 'stages'; boardId: string }
  | { name: 'standup'; boardId: string }
  | { name: 'settings'; boardId: string }
  | { name: 'pack'; boardId: string; cardId: string; tab: PackTab }
  | { name: 'customer'; boardId: string; customer: string };

const location$ = new ValueStore(typeof location === 'undefined' ? '/' : location.pathname + location.search);
if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => location$.set(location.pathname + location.search));
}

/** A path segment in words; a malformed escape stays as it was instead of throwing. */
function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function parseRoute(pathAndQuery: string): Route {
  const [path = '/', query = ''] = pathAndQuery.split('?');
  const pack = /^\/boards\/([^/]+)\/cards\/([^/]+)\/(pack|plan)\/?$/.exec(path);
  if (pack?.[1] && pack[2]) return { name: 'pack', boardId: decode(pack[1]), cardId: decode(pack[2]), tab: pack[3] === 'plan' ? 'plan' : 'pack' };
  const customer = /^\/boards\/([^/]+)\/customers\/([^/]+)\/?$/.exec(path);
  if (customer?.[1] && customer[2]) return { name: 'customer', boardId: decode(customer[1]), customer: decode(customer[2]) };
  const stages = /^\/boards\/([^/]+)\/stages\/?$/.exec(path);
  if (stages?.[1]) return { name: 'stages', boardId: decode(stages[1]) };
  const page = /^\/boards\/([^/]+)\/(standup|settings)\/?$/.exec(path);
  if (page?.[1]) return { name: page[2] === 'standup' ? 'standup' : 'settings', boardId: decode(page[1]) };
  const board = /^\/boards\/([^/]+)\/?$/.exec(path);
  if (board?.[1]) return { name: 'board', boardId: decode(board[1]) };
  return { name: 'board', boardId: new URLSearchParams(query).get('board') };
}

export const boardPath = (boardId: string) => `/boards/${encodeURIComponent(boardId)}`;
export const stagesPath = (boardId: string) => `/boards/${encodeURIComponent(boardId)}/stages`;
export const standupPath = (boardId: string) => `/boards/${encodeURIComponent(boardId)}/standup`;
export const settingsPath = (boardId: string) => `/boards/${encodeURIComponent(boardId)}/settings`;
export const packPath = (boardId: string, cardId: string, tab: PackTab = 'pack') => `/boards/${encodeURIComponent(boardId)}/cards/${encodeURIComponent(cardId)}/${tab}`;
export const customerPath = (boardId: string, customer: string) => `/boards/${encodeURIComponent(boardId)}/customers/${encodeURIComponent(customer)}`;

export function navigate(path: string): void {
  if (path === location.pathname + location.search) return;
  history.pushState(null, '', path);
  location$.set(path);
}

export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(location$.subscribe, location$.get));
}

/** onClick for <a href>: plain left clicks navigate inside the app; others keep the browser's behaviour. */
export function followLink(e: MouseEvent<HTMLAnchorElement>): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  navigate(e.currentTarget.getAttribute('href') ?? '/');
}
