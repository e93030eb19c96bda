import type { Store } from '@baton/persistence';
import { userColor, type Role } from '@baton/shared-types';
import type { PublicUser } from '../auth/authenticator';
import { publicUser } from '../auth/authenticator';

export interface MemberInfo {
  user: PublicUser;
  role: Role;
}

/** Board membership lookups. Always read from the store, so a role change applies at once. */
export class Directory {
  constructor(private readonly store: Store) {}

  async roleOn(boardId: string, userId: string): Promise<Role | null> {
    return (await this.store.getMembership(boardId, userId))?.role ?? null;
  }

  async members(boardId: string): Promise<Map<string, MemberInfo>> {
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
