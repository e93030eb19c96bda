import { DEFAULT_SLA, type SlaConfig, type StandupState } from '@baton/shared-types';
import { readSla, readStandupState, settingsMap } from '@baton/shared-types/ydoc';
import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { ValueStore } from '../lib/valueStore';
import type { BoardSession } from './boardSession';
import { useBoardSession } from './hooks';

/** The board document's settings: SLA thresholds and the shared standup. */
export interface BoardSettings {
  sla: SlaConfig;
  /** The standup in progress (or the last one); null when none was ever run. */
  standup: StandupState | null;
}

const DEFAULTS: BoardSettings = { sla: { ...DEFAULT_SLA }, standup: null };

/** Follows `settings` of whichever board document the session has open (it is replaced after an epoch reset). */
function watchSettings(session: BoardSession): ValueStore<BoardSettings> {
  const store = new ValueStore<BoardSettings>(DEFAULTS);
  let stop: (() => void) | null = null;
  const follow = (doc: Y.Doc | null) => {
    stop?.();
    stop = null;
    if (!doc) return;
    const map = settingsMap(doc);
    const read = () => store.set({ sla: readSla(doc), standup: readStandupState(doc) });
    read();
    map.observe(read);
    stop = () => map.unobserve(read);
  };
  follow(session.currentDoc.get());
  session.currentDoc.subscribe(() => follow(session.currentDoc.get()));
  return store;
}

const stores = new WeakMap<BoardSession, ValueStore<BoardSettings>>();

export function boardSettingsOf(session: BoardSession): ValueStore<BoardSettings> {
  let store = stores.get(session);
  if (!store) {
    store = watchSettings(session);
    stores.set(session, store);
  }
  return store;
}

/** SLA thresholds and standup state of the open board, live. */
export function useBoardSettings(): BoardSettings {
  const store = boardSettingsOf(useBoardSession());
  return useSyncExternalStore(store.subscribe, store.get);
}
