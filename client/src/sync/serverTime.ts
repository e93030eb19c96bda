import { useContext, useEffect, useState } from 'react';
import type { BoardSession } from './boardSession';
import { boardSettingsOf } from './boardSettings';
import { ServerClock } from './serverClock';
import { BoardSessionContext } from './SyncProvider';

export { ServerClock } from './serverClock';

const clocks = new WeakMap<BoardSession, ServerClock>();

/** The server clock of a board session (one per session, fed by `hello`, `clock` and the standup's stamps). */
export function serverClockOf(session: BoardSession): ServerClock {
  let clock = clocks.get(session);
  if (!clock) {
    const created = new ServerClock();
    // A `hello` that arrived before anyone asked is already in the session state (role comes with it).
    const state = session.state.get();
    if (state.role !== null) created.observe(Date.now() + state.clockSkewMs);
    session.onServerMessage((message) => {
      if (message.type === 'hello' || message.type === 'clock') created.observe(message.serverTime);
    });
    // The standup's server-stamped start is a fresh sample on every screen, just when it matters.
    const settings = boardSettingsOf(session);
    settings.subscribe(() => {
      const standup = settings.get().standup;
      if (standup?.active) created.observe(standup.speakerStartedAt, 'stamp');
    });
    clocks.set(session, created);
    clock = created;
  }
  return clock;
}

/** The open board's server clock; null outside a board session (then the local clock stands in). */
export function useServerClock(): ServerClock | null {
  const session = useContext(BoardSessionContext);
  return session ? serverClockOf(session) : null;
}

/**
 * The server's time, re-read every `intervalMs` and at once when the offset changes (so a fake
 * clock jump shows everywhere immediately).
 */
export function useServerNow(intervalMs: number): number {
  const clock = useServerClock();
  const read = () => (clock ? clock.now() : Date.now());
  const [now, setNow] = useState(read);
  useEffect(() => {
    const update = () => setNow(clock ? clock.now() : Date.now());
    const timer = setInterval(update, intervalMs);
    const off = clock?.subscribe(update);
    // The first tick comes quickly, so a hook mounted before the offset was known catches up.
    const first = setTimeout(update, 0);
    return () => {
      clearInterval(timer);
      clearTimeout(first);
      off?.();
    };
  }, [clock, intervalMs]);
  return now;
}
