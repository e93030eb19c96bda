import type { Command } from '@baton/shared-types';
import { describe, expect, it } from 'vitest';
import { CommandChannel } from '../src/sync/commandChannel';
import { MemoryOutboxStore } from '../src/sync/outboxStore';
import { PersistentOutbox } from '../src/sync/persistentOutbox';
import { RejectionLog, type RejectedChange } from '../src/sync/rejectionLog';

const move = (id: string, toStage = 'quote'): Command => ({ id, type: 'moveCard', cardId: `card-${id}`, toStage });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** One page load: an outbox, a "changes not applied" list and a channel over the same store. */
async function openPage(store: MemoryOutboxStore, connected = false) {
  const outbox = new PersistentOutbox(store);
  const log = new RejectionLog(store);
  const sent: string[] = [];
  let online = connected;
  const channel = new CommandChannel(
    outbox,
    { canSend: () => online, send: (payload) => sent.push((JSON.parse(payload) as Command).id) },
    { onReject: (r) => log.add({ ...r, cardTitle: 'ERP rollout', at: Date.now(), shownInline: false }) },
  );
  const kept = await store.load();
  outbox.restore(kept.pending);
  log.restore(kept.rejected);
  return { outbox, log, channel, sent, connect: () => ((online = true), channel.flush()), ids: () => outbox.list().map((p) => p.command.id) };
}

describe('the outbox kept on this device', () => {
  it('keeps commands made offline, with their ids and order, across a reload', async () => {
    const store = new MemoryOutboxStore();
    const first = await openPage(store);
    for (const id of ['c1', 'c2', 'c3']) first.channel.submit(move(id));
    await settle();

    const second = await openPage(store);
    expect(second.ids()).toEqual(['c1', 'c2', 'c3']);
    expect(second.outbox.list()[1]?.command).toEqual(move('c2'));
  });

  it('sends the kept commands once, in order, only after the connection allows it', async () => {
    const store = new MemoryOutboxStore();
    const first = await openPage(store);
    first.channel.submit(move('c1'));
    first.channel.submit(move('c2'));
    await settle();

    const second = await openPage(store);
    second.channel.flush();
    expect(second.sent).toEqual([]);
    second.connect();
    second.channel.flush();
    expect(second.sent).toEqual(['c1', 'c2']);
  });

  it('forgets a command once the server has acknowledged it', async () => {
    const store = new MemoryOutboxStore();
    const page = await openPage(store, true);
    page.channel.submit(move('c1'));
    page.channel.submit(move('c2'));
    page.channel.handleAnswer({ type: 'ack', id: 'c1' });
    await settle();

    const reloaded = await openPage(store);
    expect(reloaded.ids()).toEqual(['c2']);
  });

  it('moves a refused command to the "changes not applied" list, which survives a reload', async () => {
    const store = new MemoryOutboxStore();
    const page = await openPage(store, true);
    page.channel.submit(move('c1'));
    page.channel.handleAnswer({ type: 'reject', id: 'c1', reason: 'conflict', message: 'The card is archived.' });
    expect(page.ids()).toEqual([]);
    expect(page.log.entries.get().map((r) => r.command.id)).toEqual(['c1']);
    await settle();

    const reloaded = await openPage(store);
    expect(reloaded.ids()).toEqual([]);
    const [entry] = reloaded.log.entries.get();
    expect(entry).toMatchObject({ reason: 'conflict', message: 'The card is archived.', cardTitle: 'ERP rollout', shownInline: false });
    expect(entry?.command).toEqual(move('c1'));
  });

  it('lists a command refused again after a replay only once', async () => {
    const store = new MemoryOutboxStore();
    const page = await openPage(store, true);
    page.channel.submit(move('c1'));
    // A reload between the refusal being recorded and the command leaving the outbox: both are kept.
    page.log.add({ command: move('c1'), reason: 'conflict', message: 'archived', cardTitle: 'ERP rollout', at: 1, shownInline: false });
    await settle();

    const reloaded = await openPage(store, true);
    reloaded.channel.flush();
    expect(reloaded.sent).toEqual(['c1']);
    reloaded.channel.handleAnswer({ type: 'reject', id: 'c1', reason: 'conflict', message: 'archived' });
    expect(reloaded.log.entries.get()).toHaveLength(1);
    await settle();
    expect((await store.load()).rejected).toHaveLength(1);
  });

  it('puts the kept commands before a command queued while they were being read', async () => {
    const store = new MemoryOutboxStore();
    await store.putCommand({ command: move('old1'), queuedAt: 1, seq: 1 });
    await store.putCommand({ command: move('old2'), queuedAt: 2, seq: 2 });
    const outbox = new PersistentOutbox(store);
    outbox.add(move('new'));
    outbox.restore((await store.load()).pending);
    expect(outbox.list().map((p) => p.command.id)).toEqual(['old1', 'old2', 'new']);
    await settle();

    const again = new PersistentOutbox(store);
    again.restore((await store.load()).pending);
    expect(again.list().map((p) => p.command.id)).toEqual(['old1', 'old2', 'new']);
  });

  it('ignores a command it already holds (a restore after a submit, a double click)', async () => {
    const store = new MemoryOutboxStore();
    const outbox = new PersistentOutbox(store);
    outbox.add(move('c1'));
    outbox.add(move('c1'));
    outbox.restore([{ command: move('c1'), queuedAt: 0, seq: 7 }]);
    expect(outbox.list()).toHaveLength(1);
    await settle();
    expect(store.commands.size).toBe(1);
  });

  it('dismisses entries one by one or all at once, on this device too', async () => {
    const store = new MemoryOutboxStore();
    const log = new RejectionLog(store);
    const entry = (id: string, at: number): RejectedChange => ({ command: move(id), reason: 'gate_failed', message: '', cardTitle: id, at, shownInline: false });
    log.add(entry('a', 1));
    log.add(entry('b', 2));
    log.add(entry('c', 3));
    expect(log.entries.get().map((r) => r.command.id)).toEqual(['c', 'b', 'a']);
    log.dismiss(log.entries.get()[1] as RejectedChange);
    await settle();
    expect([...store.rejections.keys()].sort()).toEqual(['a', 'c']);
    log.dismiss('all');
    await settle();
    expect(store.rejections.size).toBe(0);
    expect(log.entries.get()).toEqual([]);
  });
});
