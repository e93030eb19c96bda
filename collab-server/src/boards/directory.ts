import type { Store } from '@baton/persistence';
import { userColor, type Role } from '@baton/shared-types';
import type { PublicUser } from '../auth/authenticator';
import { publicUser } from '../auth/authenticator';

export interface MemberInfo {
  user: PublicUser;
  role: Role;
}

/**
 * Board membership lookups. A board's members are read once and kept until the store's
 * directory version changes (any user or membership write, in any process sharing the store
 * bumps it), so a role change still applies to the very next command, while a command pays
 * one point read instead of listing every user and membership.
 */
export class Directory {
  private cache: { version: number; boards: Map<string, ReadonlyMap<string, MemberInfo>> } = { version: Number.NaN, boards: new Map() };

  constructor(private readonly store: Store) {}

  async roleOn(boardId: string, userId: string): Promise<Role | null> {
    return (await this.store.getMembership(boardId, userId))?.role ?? null;
  }

  /** The board's members by user id (shared: callers must not change it). */
  async members(boardId: string): Promise<ReadonlyMap<string, MemberInfo>> {
    // The version is read first: data read after it is at least as new, so a change made in
    // between is seen as a new version next time rather than cached under the old one.
    const version = await this.store.directoryVersion();
    if (version !== this.cache.version) this.cache = { version, boards: new Map() };
    const cached = this.cache.boards.get(boardId);
    if (cached) return cached;
    const members = await this.read(boardId);
    if (this.cache.version === version) this.cache.boards.set(boardId, members);
    return members;
  }

  private async read(boardId: string): Promise<Map<string, MemberInfo>> {
    const [memberships, users] = await Promise.all([this.store.listMemberships({ boardId }), this.store.listUsers()]);
    const byId = new Map(users.map((u) => [u.id as string, u]));
    const out = new Map<string, MemberInfo>();
    for (const m of memberships) {
      const user = byId.get(m.userId);
      if (user) out.set(m.userId, { user: publicUser(user), role: m.role });
    }
    return out;
  }

  /** Members as the API shows them. */
  async memberList(boardId: string) {
    const members = await this.members(boardId);
    return [...members.values()].map(({ user, role }) => ({
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      role,
      region: user.region,
      managerId: user.managerId,
      color: userColor(user.id),
    }));
  }
}
