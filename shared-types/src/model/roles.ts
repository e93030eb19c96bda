import type { BoardId, UserId } from './ids';

export const ROLES = ['sales', 'product', 'delivery', 'manager', 'ops', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** A person. Region and reporting line matter for alerts and dashboards. */
export interface User {
  id: UserId;
  username: string;
  displayName: string;
  region: string;
  /** The user's manager (sales reps report to a manager); null for top of the tree. */
  managerId: UserId | null;
}

export interface Membership {
  boardId: BoardId;
  userId: UserId;
  role: Role;
}

/** Who is acting: the authenticated user and their role on the board being touched. */
export interface Actor {
  userId: UserId;
  role: Role;
}
