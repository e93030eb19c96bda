import { describe, expect, it } from 'vitest';
import type { Membership } from '@baton/shared-types';
import type { SuiteContext } from '../fixtures';
import { boardId, user } from '../fixtures';

const member = (board: string, userId: string, role: Membership['role']) =>
  ({ boardId: board, userId, role }) as Membership;

const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

export function describeDirectory(ctx: SuiteContext): void {
  describe('users, boards and memberships', () => {
    it('users can be found by id and by username', async () => {
      const alice = user('u-alice', { username: 'alice', managerId: user('u-mia').id, region: 'south' });
      await ctx.store.upsertUser(alice);
      await ctx.store.upsertUser(user('u-bob', { username: 'bob' }));
      expect(await ctx.store.getUser('u-alice')).toEqual(alice);
      expect(await ctx.store.getUserByUsername('alice')).toEqual(alice);
      expect(await ctx.store.getUser('nobody')).toBeNull();
      expect(await ctx.store.getUserByUsername('nobody')).toBeNull();
    });

    it('upserting a user replaces its fields and its old username stops matching', async () => {
      await ctx.store.upsertUser(user('u1', { username: 'old' }));
      const renamed = user('u1', { username: 'new', displayName: 'New Name', passwordHash: 'scrypt$x', managerId: null });
      await ctx.store.upsertUser(renamed);
      expect(await ctx.store.getUser('u1')).toEqual(renamed);
      expect(await ctx.store.getUserByUsername('old')).toBeNull();
      expect(await ctx.store.listUsers()).toHaveLength(1);
    });

    it('two users cannot share a username', async () => {
      await ctx.store.upsertUser(user('u1', { username: 'sam' }));
      await expect(ctx.store.upsertUser(user('u2', { username: 'sam' }))).rejects.toThrow();
      expect(await ctx.store.getUser('u2')).toBeNull();
      expect((await ctx.store.getUserByUsername('sam'))?.id).toBe('u1');
    });

    it('listUsers returns every user', async () => {
      const users = [user('a'), user('b', { managerId: user('a').id }), user('c')];
      for (const u of users) await ctx.store.upsertUser(u);
      expect(byId(await ctx.store.listUsers())).toEqual(users);
    });

    it('boards can be created, read and listed, and creating one twice is refused', async () => {
      const demo = { id: boardId('demo'), name: 'Demo', createdAt: 1000 };
      const sales = { id: boardId('sales'), name: 'Sales', createdAt: 2000 };
      await ctx.store.createBoard(demo);
      await ctx.store.createBoard(sales);
      await expect(ctx.store.createBoard({ ...demo, name: 'Other' })).rejects.toThrow(/demo/);
      expect(await ctx.store.getBoard('demo')).toEqual(demo);
      expect(await ctx.store.getBoard('nope')).toBeNull();
      expect(byId(await ctx.store.listBoards())).toEqual([demo, sales]);
    });

    it('memberships list by board and by user', async () => {
      const list = [member('b1', 'alice', 'sales'), member('b1', 'bob', 'manager'), member('b2', 'alice', 'admin')];
      for (const m of list) await ctx.store.setMembership(m);
      const sort = (ms: Membership[]) => [...ms].sort((a, b) => `${a.boardId}/${a.userId}`.localeCompare(`${b.boardId}/${b.userId}`));
      expect(sort(await ctx.store.listMemberships({ boardId: 'b1' }))).toEqual([list[0], list[1]]);
      expect(sort(await ctx.store.listMemberships({ userId: 'alice' }))).toEqual([list[0], list[2]]);
      expect(await ctx.store.listMemberships({ boardId: 'b2', userId: 'alice' })).toEqual([list[2]]);
      expect(sort(await ctx.store.listMemberships({}))).toEqual(list);
      expect(await ctx.store.getMembership('b1', 'bob')).toEqual(list[1]);
      expect(await ctx.store.getMembership('b2', 'bob')).toBeNull();
    });

    it('setting a membership again changes the role, and removing it ends it', async () => {
      await ctx.store.setMembership(member('b1', 'alice', 'sales'));
      await ctx.store.setMembership(member('b1', 'alice', 'ops'));
      expect(await ctx.store.listMemberships({ boardId: 'b1' })).toEqual([member('b1', 'alice', 'ops')]);
      await ctx.store.setMembership(member('b2', 'alice', 'sales'));
      await ctx.store.removeMembership('b1', 'alice');
      expect(await ctx.store.getMembership('b1', 'alice')).toBeNull();
      expect(await ctx.store.listMemberships({ userId: 'alice' })).toEqual([member('b2', 'alice', 'sales')]);
    });

    it('users, boards and memberships survive a reopen', async () => {
      const alice = user('alice');
      await ctx.store.upsertUser(alice);
      await ctx.store.createBoard({ id: boardId('demo'), name: 'Demo', createdAt: 5 });
      await ctx.store.setMembership(member('demo', 'alice', 'manager'));
      const store = await ctx.reopen();
      expect(await store.getUserByUsername('alice')).toEqual(alice);
      expect(await store.getBoard('demo')).toEqual({ id: 'demo', name: 'Demo', createdAt: 5 });
      expect(await store.getMembership('demo', 'alice')).toEqual(member('demo', 'alice', 'manager'));
    });

    it('the directory version changes with every user or membership write and with nothing else', async () => {
      const seen = [await ctx.store.directoryVersion()];
      const changed = async () => {
        const v = await ctx.store.directoryVersion();
        expect(seen).not.toContain(v);
        seen.push(v);
      };
      const unchanged = async () => expect(await ctx.store.directoryVersion()).toBe(seen[seen.length - 1]);
      await ctx.store.upsertUser(user('vera'));
      await changed();
      await ctx.store.upsertUser(user('vera', { displayName: 'Vera V.' }));
      await changed();
      await ctx.store.createBoard({ id: boardId('v'), name: 'V', createdAt: 1 });
      await ctx.store.registerCard('card-v', 'v');
      await ctx.store.listUsers();
      await unchanged();
      await ctx.store.setMembership(member('v', 'vera', 'sales'));
      await changed();
      await ctx.store.setMembership(member('v', 'vera', 'manager'));
      await changed();
      await ctx.store.removeMembership('v', 'vera');
      await changed();
      const store = await ctx.reopen();
      expect(await store.directoryVersion()).toBe(seen[seen.length - 1]);
    });

    it('a card id belongs to the first board that registers it, also after a reopen', async () => {
      expect(await ctx.store.registerCard('card-a', 'demo')).toBe(true);
      expect(await ctx.store.registerCard('card-a', 'demo')).toBe(true);
      expect(await ctx.store.registerCard('card-a', 'other')).toBe(false);
      const store = await ctx.reopen();
      expect(await store.boardOfCard('card-a')).toBe('demo');
      expect(await store.boardOfCard('card-unknown')).toBeNull();
    });
  });
}
