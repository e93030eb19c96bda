import type { TFunction } from 'i18next';
import { useSyncExternalStore } from 'react';
import type { Language } from '../../i18n';
import type { ToastItem } from '../../ui/ToastStack';
import { ValueStore } from '../../lib/valueStore';
import { uuid } from '../../lib/uuid';

/** Text of a toast, rendered in the current language each time (so a language switch retranslates it). */
export type ToastText = Pick<ToastItem, 'title' | 'body' | 'detail'>;
export interface ToastInput extends Omit<ToastItem, 'id' | 'title' | 'action'> {
  title?: string;
  render?: (t: TFunction, language: Language) => ToastText;
  /** The button's label is a function of `t` too, so it follows a language switch. */
  action?: { label: (t: TFunction) => string; run(): void } | undefined;
}
export interface StoredToast extends ToastInput {
  id: string;
}

const store = new ValueStore<readonly StoredToast[]>([]);
const timers = new Map<string, ReturnType<typeof setTimeout>>();
const MAX = 5;

export function dismissToast(id: string): void {
  clearTimeout(timers.get(id));
  timers.delete(id);
  store.update((list) => list.filter((t) => t.id !== id));
}

/** Shows a toast; errors stay longer (they also stay in the "changes not applied" list). */
export function showToast(toast: ToastInput, ms = toast.tone === 'error' ? 12_000 : 6_000): string {
  const id = uuid();
  store.update((list) => {
    const next = [...list, { ...toast, id }];
    for (const dropped of next.slice(0, Math.max(0, next.length - MAX))) clearTimeout(timers.get(dropped.id));
    return next.slice(-MAX);
  });
  timers.set(
    id,
    setTimeout(() => dismissToast(id), ms),
  );
  return id;
}

export function useToasts(): readonly StoredToast[] {
  return useSyncExternalStore(store.subscribe, store.get);
}
