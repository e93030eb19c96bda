import { useCallback, useState } from 'react';
import { isHealthFilter, type HealthFilter } from './health';

const storageKey = (userId: string) => `baton.healthFilter.${userId}`;

function readStored(userId: string): HealthFilter {
  try {
    const value = localStorage.getItem(storageKey(userId));
    return isHealthFilter(value) ? value : 'all';
  } catch {
    return 'all';
  }
}

/** The board's health filter, remembered per user on this device. */
export function useHealthFilter(userId: string): [HealthFilter, (filter: HealthFilter) => void] {
  const [filter, setFilter] = useState<HealthFilter>(() => readStored(userId));
  const choose = useCallback(
    (next: HealthFilter) => {
      setFilter(next);
      try {
        localStorage.setItem(storageKey(userId), next);
      } catch {
        // not remembered, but applied
      }
    },
    [userId],
  );
  return [filter, choose];
}
