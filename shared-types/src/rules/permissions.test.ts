import { describe, expect, it } from 'vitest';
import { asUserId } from '../model/ids';
import type { Actor, Role } from '../model/roles';
import { canActOnCard, canApplyPatch, canCreateWithOwner, canDoOnBoard, type CardAction } from './permissions';

const actor = (role: Role, id = 'me'): Actor => ({ role, userId: asUserId(id) });
const mine = { ownerId: 'me' };
const theirs = { ownerId: 'someone-else' };

describe('who may act on cards', () => {
  const table: Array<[Role, CardAction, 'mine' | 'theirs', boolean]> = [
    ['sales', 'edit', 'mine', true],
    ['sales', 'edit', 'theirs', false],
    ['sales', 'move', 'mine', true],
    ['sales', 'move', 'theirs', false],
    ['sales', 'archive', 'mine', true],
    ['sales', 'archive', 'theirs', false],
    ['sales', 'reassign', 'mine', false],
    ['manager', 'move', 'theirs', true],
    ['manager', 'edit', 'theirs', true],
    ['manager', 'reassign', 'theirs', true],
    ['ops', 'move', 'theirs', true],
    ['admin', 'archive', 'theirs', true],
    ['product', 'move', 'mine', false],
    ['product', 'move', 'theirs', false],
    ['product', 'edit', 'theirs', false],
    ['delivery', 'move', 'theirs', false],
    ['delivery', 'edit', 'mine', false],
  ];
  it.each(table)('%s may %s a card that is %s: %s', (role, action, whose, allowed) => {
    const result = canActOnCard(actor(role), action, whose === 'mine' ? mine : theirs);
    expect(result.ok).toBe(allowed);
    if (!result.ok) expect(result.error.reason).toBe('forbidden');
  });

  it('explains a refusal in words a rep understands', () => {
    const result = canActOnCard(actor('sales'), 'move', theirs);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/only your own cards/);
  });
});

describe('creating cards', () => {
  it.each<[Role, string | undefined, boolean]>([
    ['sales', undefined, true],
    ['sales', 'me', true],
    ['sales', 'sales2', false],
    ['manager', 'sales2', true],
    ['ops', 'sales2', true],
    ['product', undefined, false],
    ['delivery', undefined, false],
  ])('%s creating a card owned by %s is allowed: %s', (role, owner, allowed) => {
    expect(canCreateWithOwner(actor(role), owner).ok).toBe(allowed);
  });
});

describe('editing fields', () => {
  it('a sales owner may edit their card but not hand it to someone else', () => {
    expect(canApplyPatch(actor('sales'), mine, { amount: 10 }).ok).toBe(true);
    expect(canApplyPatch(actor('sales'), mine, { ownerId: asUserId('sales2') }).ok).toBe(false);
  });
  it('a manager may reassign any card', () => {
    expect(canApplyPatch(actor('manager'), theirs, { ownerId: asUserId('sales2') }).ok).toBe(true);
  });
  it('setting the owner to the current owner is not a reassignment', () => {
    expect(canApplyPatch(actor('sales'), mine, { ownerId: asUserId('me') }).ok).toBe(true);
  });
});

describe('board configuration', () => {
  it.each<[Role, boolean]>([
    ['sales', false],
    ['manager', false],
    ['product', false],
    ['ops', true],
    ['admin', true],
  ])('%s may change stages: %s', (role, allowed) => {
    expect(canDoOnBoard(actor(role), 'configureStages').ok).toBe(allowed);
  });
});
