/**
 * Where a Baton move's time goes on the server, measured inside the Baton process during the
 * fan-out windows: how long each command takes from the moment its handler receives it until
 * its change has gone out to every connection (`CommandService.settle`: decided, committed,
 * applied, broadcast, appended to the update log); how long of that passes before the change
 * starts going out (parse, checks, decision, durable commit, the Yjs transaction) and how long
 * sending it to every connection takes (Hocuspocus's `broadcastUpdate`, which every peer does in
 * its own way); and how long the durable commit is (`Store.commitCommands`: one SQLite
 * transaction and its fsync). The other peers have no such steps: their server relays the
 * client's write as it arrives. It also counts the commands that arrived while an earlier one
 * was still in hand (decided, committed or being sent): they wait for it, and they are the
 * moves that set a window's p99 (a window holds 20–200 moves, each delivered to every client).
 * Most of that wait is spent in the socket, unread, while the event loop sends the earlier
 * change; such a command reaches its handler right after the earlier one is done (0.2–0.3 ms
 * later on the bench machine), so a command whose handler starts within BEHIND_MS of the end
 * of the one before is counted as having waited for it (by chance, at 10 moves/s, 0.5%).
 */
import type { BatonServer } from '@baton/collab-server';
import type { WindowFigures } from './agent';
import { Samples } from './stats';

/** A command reaching its handler this soon after the one before it ended had waited for it. */
export const BEHIND_MS = 0.5;

type Broadcasting = { broadcastUpdate(update: Uint8Array): unknown };

/** Wraps the running server's command service and store (same instances the websocket path uses), and its loaded documents' broadcasts. */
export function timeCommands(server: Pick<BatonServer, 'commands' | 'store' | 'hocuspocus'>): WindowFigures {
  const settle = new Samples();
  const commit = new Samples();
  const untilOut = new Samples();
  const broadcast = new Samples();
  /** The commands whose change has not gone out yet, with when each arrived (a batch's changes go out in one broadcast). */
  const waiting = new Set<{ at: number }>();
  let behind = 0;
  /** Commands between their handler and their change having gone out and been appended; when the last one finished. */
  let inHand = 0;
  let lastDone = Number.NEGATIVE_INFINITY;
  let recording = false;
  const timed = <A extends unknown[], R>(fn: (...args: A) => Promise<R>, into: Samples, track = false) =>
    async (...args: A): Promise<R> => {
      const t = performance.now();
      const command = { at: t };
      if (track) {
        if (recording && (inHand > 0 || t - lastDone < BEHIND_MS)) behind++;
        waiting.add(command);
        inHand++;
      }
      try {
        return await fn(...args);
      } finally {
        if (track) {
          inHand--;
          lastDone = performance.now();
        }
        waiting.delete(command);
        if (recording) into.push(performance.now() - t);
      }
    };
  const { commands, store } = server;
  commands.settle = timed(commands.settle.bind(commands), settle, true);
  store.commitCommands = timed(store.commitCommands.bind(store), commit);

  const wrapped = new WeakSet<object>();
  /** Documents load when their first client joins, so each window wraps the ones loaded by then. */
  const wrapBroadcasts = () => {
    for (const document of server.hocuspocus.documents.values()) {
      if (wrapped.has(document)) continue;
      wrapped.add(document);
      const target = document as unknown as Broadcasting;
      const send = target.broadcastUpdate.bind(document);
      target.broadcastUpdate = (update) => {
        const t = performance.now();
        try {
          return send(update);
        } finally {
          if (recording && waiting.size > 0) {
            broadcast.push(performance.now() - t);
            for (const command of waiting) untilOut.push(t - command.at);
          }
          waiting.clear();
        }
      };
    }
  };

  return {
    begin: () => {
      wrapBroadcasts();
      for (const s of [settle, commit, untilOut, broadcast]) s.clear();
      behind = 0;
      recording = true;
    },
    end: () => {
      recording = false;
      return {
        commands: {
          commands: settle.count,
          p50: settle.p(50),
          p99: settle.p(99),
          commitP50: commit.p(50),
          commitP99: commit.p(99),
          untilOutP50: untilOut.p(50),
          untilOutP99: untilOut.p(99),
          broadcastP50: broadcast.p(50),
          behindPct: settle.count > 0 ? (100 * behind) / settle.count : Number.NaN,
        },
      };
    },
  };
}
