import { useSyncExternalStore, type MouseEvent } from 'react';
import { ValueStore } from './valueStore';

/** The app's few routes, read from the address bar (the server answers every path with the app). */
export type Route = { name: 'board'; boardId: string | null } | { name: 'stages'; boardId: string };

const location$ = new ValueStore(typeof location === 'undefined' ? '/' : location.pathname + location.search);
if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => location$.set(location.pathname + location.search));
}

export function parseRoute(pathAndQuery: string): Route {
  const [path = '/', query = ''] = pathAndQuery.split('?');
  const stages = /^\/boards\/([^/]+)\/stages\/?$/.exec(path);
  if (stages?.[1]) return { name: 'stages', boardId: decodeURIComponent(stages[1]) };
  const board = /^\/boards\/([^/]+)\/?$/.exec(path);
  if (board?.[1]) return { name: 'board', boardId: decodeURIComponent(board[1]) };
  return { name: 'board', boardId: new URLSearchParams(query).get('board') };
}

export const boardPath = (boardId: string) => `/boards/${encodeURIComponent(boardId)}`;
export const stagesPath = (boardId: string) => `/boards/${encodeURIComponent(boardId)}/stages`;

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
