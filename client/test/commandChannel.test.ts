import type { Command } from '@baton/shared-types';
import { describe, expect, it } from 'vitest';
import { CommandChannel, type CommandRejection } from '../src/sync/commandChannel';
import { MemoryOutbox } from '../src/sync/outbox';

function setup() {
  const sent: string[] = [];
  let connected = false;
  const outbox = new MemoryOutbox();
  const rejected: CommandRejection[] = [];
  const acked: string[] = [];
  const channel = new CommandChannel(
    outbox,
    { canSend: () => connected, send: (p) => sent.push((JSON.parse(p) as Command).id) },
    { onAck: (p) => acked.push(p.command.id), onReject: (r) => rejected.push(r) },
  );
  const move = (id: string): Command => ({ id, type: 'moveCard', cardId: crypto.randomUUID(), toStage: 'quote' });
  return { sent, outbox, channel, rejected, acked, move, connect: (v: boolean) => (connected = v) };
}

describe('the command channel', () => {
  it('never sends while disconnected, and sends queued commands in order once authenticated', () => {
    const t = setup();
    t.channel.submit(t.move('c1'));
    t.channel.submit(t.move('c2'));
    expect(t.sent).toEqual([]);
    t.connect(true);
    t.channel.flush();
    expect(t.sent).toEqual(['c1', 'c2']);
    t.channel.submit(t.move('c3'));
    expect(t.sent).toEqual(['c1', 'c2', 'c3']);
  });

  it('takes a change carrying a pending command’s id as its ack, and ignores ids it is not waiting for', () => {
    const t = setup();
    t.connect(true);
    t.channel.submit(t.move('c1'));
    t.channel.submit(t.move('c2'));
    t.channel.seenApplied(['someone-else', 'c2']);
    expect(t.acked).toEqual(['c2']);
    expect(t.outbox.list().map((p) => p.command.id)).toEqual(['c1']);
    // The same change seen again, or a late ack in words, answers nothing twice.
    t.channel.seenApplied(['c2']);
    t.channel.handleAnswer({ type: 'ack', id: 'c2' });
    expect(t.acked).toEqual(['c2']);
  });

  it('does not send a command twice on the same connection', () => {
    const t = setup();
    t.connect(true);
    t.channel.submit(t.move('c1'));
    t.channel.flush();
    t.channel.flush();
    expect(t.sent).toEqual(['c1']);
  });

  it('re-sends every unanswered command, in order, after a reconnect', () => {
    const t = setup();
    t.connect(true);
    t.channel.submit(t.move('c1'));
    t.channel.submit(t.move('c2'));
    t.channel.handleAnswer({ type: 'ack', id: 'c1' });
    t.connect(false);
    t.channel.connectionLost();
    t.channel.submit(t.move('c3'));
    t.connect(true);
    t.channel.flush();
    expect(t.sent).toEqual(['c1', 'c2', 'c2', 'c3']);
  });

  it('removes a command from the outbox on ack or reject and reports a reject once', () => {
    const t = setup();
    t.connect(true);
    t.channel.submit(t.move('c1'));
    t.channel.submit(t.move('c2'));
    t.channel.handleAnswer({ type: 'ack', id: 'c1' });
    t.channel.handleAnswer({ type: 'reject', id: 'c2', reason: 'forbidden', message: 'As sales you can move only your own cards' });
    t.channel.handleAnswer({ type: 'reject', id: 'c2', reason: 'forbidden', message: 'duplicate answer' });
    expect(t.outbox.list()).toEqual([]);
    expect(t.acked).toEqual(['c1']);
    expect(t.rejected).toHaveLength(1);
    expect(t.rejected[0]).toMatchObject({ reason: 'forbidden', message: 'As sales you can move only your own cards' });
  });
});
