/**
 * Where a Baton move's time goes on the server, measured inside the Baton process during the
 * fan-out windows: how long each command takes from the moment its handler receives it until
 * its change has gone out to every connection (`CommandService.settle`: decided, committed,
 * applied, broadcast, appended to the update log), and how long of that is the durable commit
 * (`Store.commitCommands`: one SQLite transaction and its fsync). The other peers have no such
 * step: their server relays the client's write as it arrives.
 */
import type { BatonServer } from '@baton/collab-server';
import type { WindowFigures } from './agent';
import { Samples } from './stats';

/** Wraps the running server's command service and store (same instances the websocket path uses). */
export function timeCommands(server: Pick<BatonServer, 'commands' | 'store'>): WindowFigures {
  const settle = new Samples();
  const commit = new Samples();
  let recording = false;
  const timed = <A extends unknown[], R>(fn: (...args: A) => Promise<R>, into: Samples) =>
    async (...args: A): Promise<R> => {
      const t = performance.now();
      try {
        return await fn(...args);
      } finally {
        if (recording) into.push(performance.now() - t);
      }
    };
  const { commands, store } = server;
  commands.settle = timed(commands.settle.bind(commands), settle);
  store.commitCommands = timed(store.commitCommands.bind(store), commit);
  return {
    begin: () => {
      settle.clear();
      commit.clear();
      recording = true;
    },
    end: () => {
      recording = false;
      return { commands: { commands: settle.count, p50: settle.p(50), p99: settle.p(99), commitP50: commit.p(50), commitP99: commit.p(99) } };
    },
  };
}
