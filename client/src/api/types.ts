import type { Role } from '@baton/shared-types';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  region: string;
  managerId: string | null;
}

export interface LoginResponse {
  token: string;
  expiresAt: number | string;
  user: SessionUser;
}

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
}

export interface DemoUsersResponse {
  demo: boolean;
  users: DemoUser[];
}

export interface MeResponse {
  user: SessionUser;
  boards: Array<{ id: string; name: string; role: Role }>;
}

export interface BoardMember {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  region: string;
  managerId: string | null;
  color: string;
}

export interface BoardInfo {
  board: { id: string; name: string };
  role: Role;
  epoch: string;
  members: BoardMember[];
}

export interface CardEvent {
  id: string | number;
  type: string;
  actor: string;
  at: number;
  data: Record<string, unknown> | null;
}
