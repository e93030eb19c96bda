import { DEFAULT_SLA, type UserId } from '@baton/shared-types';
import { describe, expect, it } from 'vitest';
import { formatCountdown, mayStartStandup, mayStepStandup, mayWriteNotes, speakerStatus, stuckByOwner } from '../src/features/standup/standupModel';
import { card } from './fixtures';

const D = 86_400_000;
const NOW = 50 * D;

describe('the standup', () => {
  it('groups live stuck deals by owner, the longest stuck first', () => {
    const cards = [
      card('Recent', 'lead', 'a', { stageEnteredAt: NOW - D }),
      card('Old', 'lead', 'b', { stageEnteredAt: NOW - 9 * D }),
      card('Older', 'quote', 'a', { stageEnteredAt: NOW - 12 * D }),
      card('Theirs', 'lead', 'c', { stageEnteredAt: NOW - 3 * D, ownerId: 'sales2' as never }),
      card('Archived', 'lead', 'd', { stageEnteredAt: NOW - 30 * D, archived: true }),
    ];
    const groups = stuckByOwner(cards, DEFAULT_SLA, NOW);
    expect([...groups.keys()].sort()).toEqual(['sales', 'sales2']);
    expect(groups.get('sales')?.map((c) => c.title)).toEqual(['Older', 'Old']);
  });

  it('shows the countdown as m:ss, rounding up, and never below 0:00', () => {
    expect(formatCountdown(90_000)).toBe('1:30');
    expect(formatCountdown(89_001)).toBe('1:30');
    expect(formatCountdown(9_000)).toBe('0:09');
    expect(formatCountdown(1)).toBe('0:01');
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(-5_000)).toBe('0:00');
  });

  it('lets managers and admins run it, and the facilitator move it on', () => {
    expect(mayStartStandup('manager')).toBe(true);
    expect(mayStartStandup('sales')).toBe(false);
    const state = { facilitatorId: 'ops-lead' };
    expect(mayStepStandup(state, { userId: 'ops-lead', role: 'ops' })).toBe(true);
    expect(mayStepStandup(state, { userId: 'manager', role: 'manager' })).toBe(true);
    expect(mayStepStandup(state, { userId: 'sales', role: 'sales' })).toBe(false);
    expect(mayStepStandup(state, null)).toBe(false);
  });

  it('lets whoever may edit a deal write its notes, and the facilitator write any', () => {
    const deal = { ownerId: 'sales' as UserId };
    const running = { active: true, facilitatorId: 'manager' };
    expect(mayWriteNotes(running, { userId: 'sales', role: 'sales' }, deal)).toBe(true);
    expect(mayWriteNotes(running, { userId: 'sales2', role: 'sales' }, deal)).toBe(false);
    expect(mayWriteNotes(running, { userId: 'product', role: 'product' }, deal)).toBe(false);
    expect(mayWriteNotes(running, { userId: 'ops', role: 'ops' }, deal)).toBe(true);
    expect(mayWriteNotes({ active: true, facilitatorId: 'product' }, { userId: 'product', role: 'product' }, deal)).toBe(true);
  });

  it('marks who spoke, who speaks and who waits', () => {
    expect([0, 1, 2].map((i) => speakerStatus(i, 1))).toEqual(['done', 'speaking', 'waiting']);
  });
});
