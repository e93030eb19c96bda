/**
 * Seeds the bench board into a running Baton (inside its process, before any client
 * connects): users, board and memberships through the store; every card through the
 * command path (`createCard`, as the admin, owner = a rep). Cards are created in the first
 * column, so each stage is moved to the front (`moveStage`) while its cards are created,
 * and the default order is restored at the end.
 */
import type { BatonServer } from '@baton/collab-server';
import { asBoardId, asUserId, DEFAULT_STAGES, type Card } from '@baton/shared-types';
import { randomUUID } from 'node:crypto';
import { ADMIN, BOARD_ID, PASSWORD, type BenchBoard } from './board';
import { hashPassword } from './password';

export interface SeedReport {
  cards: number;
  /** When the board was seeded (boards are cached between runs). */
  at: string;
  totalMs: number;
  /** Mean ms per createCard command, per block of 1,000 cards (shows how the cost grows with the board). */
  msPerCommandByThousand: number[];
}

const CARD_FIELDS = ['id', 'title', 'customer', 'contactName', 'needSummary', 'decisionMaker', 'ownerId', 'channel', 'region', 'industry', 'dealType', 'amount', 'nextStep'] as const;

export async function seedBoard(server: BatonServer, board: BenchBoard): Promise<SeedReport> {
  const { store, commands } = server;
  const passwordHash = await hashPassword(PASSWORD);
  for (const username of [ADMIN, ...board.users]) {
    await store.upsertUser({ id: asUserId(username), username, displayName: username === ADMIN ? 'Bench admin' : `Rep ${username.slice(3)}`, region: 'east', managerId: null, passwordHash });
  }
  await store.createBoard({ id: asBoardId(BOARD_ID), name: 'Bench board', createdAt: Date.now() });
  await store.setMembership({ boardId: asBoardId(BOARD_ID), userId: asUserId(ADMIN), role: 'admin' });
  for (const u of board.users) await store.setMembership({ boardId: asBoardId(BOARD_ID), userId: asUserId(u), role: 'sales' });

  const submit = async (command: Record<string, unknown>) => {
    const answer = await commands.submit({ id: randomUUID(), ...command }, ADMIN, BOARD_ID);
    if (answer.type !== 'ack') throw new Error(`seeding failed: ${answer.reason} ${answer.message} (${JSON.stringify(command).slice(0, 200)})`);
  };

  const started = performance.now();
  const perThousand: number[] = [];
  let blockStart = performance.now();
  let created = 0;
  for (const [index, stage] of DEFAULT_STAGES.entries()) {
    if (index > 0) await submit({ type: 'moveStage', stageId: stage.id, toIndex: 0 });
    for (const card of board.cards.filter((c) => c.stage === stage.id)) {
      const fields = Object.fromEntries(CARD_FIELDS.map((k) => [k, card[k as keyof Card]]));
      await submit({ type: 'createCard', card: fields });
      if (++created % 1000 === 0) {
        perThousand.push((performance.now() - blockStart) / 1000);
        blockStart = performance.now();
      }
    }
  }
  for (const [index, stage] of DEFAULT_STAGES.entries()) await submit({ type: 'moveStage', stageId: stage.id, toIndex: index });
  return { cards: created, at: new Date().toISOString(), totalMs: performance.now() - started, msPerCommandByThousand: perThousand };
}
