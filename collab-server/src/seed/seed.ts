import type { Store } from '@baton/persistence';
import { asBoardId, asUserId, DEFAULT_STAGES, type CommandAnswer } from '@baton/shared-types';
import { createHash, randomUUID } from 'node:crypto';
import { hashPassword } from '../auth/passwords';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import { DEMO_BOARD, DEMO_DEALS, DEMO_PASSWORD, DEMO_USERS, type DemoDeal } from './demoData';

const DAY = 86_400_000;

/** Submits a command as a user at a given time; the seed uses the real command path. */
export type SeedSubmit = (command: Record<string, unknown>, userId: string, at: number) => Promise<CommandAnswer>;

async function expectAck(answer: Promise<CommandAnswer>, what: string): Promise<Record<string, unknown>> {
  const a = await answer;
  if (a.type !== 'ack') throw new Error(`Seeding failed at ${what}: ${a.reason} ${a.message}`);
  return a.result ?? {};
}

const DEMO_FILES = [
  {
    kind: 'pain_points',
    name: 'pain-points.txt',
    body: (d: DemoDeal) => `Customer pain points — ${d.customer}\n\n${d.needSummary}\n\nIn their own words: "${d.title} has to work for the people on the floor."\n`,
  },
  {
    kind: 'competitor_comparison',
    name: 'competitor-comparison.txt',
    body: (d: DemoDeal) => `Competitor comparison — ${d.title}\n\nBaton proposal vs. incumbent vendor vs. in-house build:\n- fit to requirements\n- time to go live\n- 3-year cost\n`,
  },
] as const;

/** Uploads the files a deal needs to have reached Solution demo, through the same path as users. */
async function seedAttachments(store: Store, deal: DemoDeal, cardId: string, at: number, submit: SeedSubmit): Promise<void> {
  for (const file of DEMO_FILES) {
    const data = new TextEncoder().encode(file.body(deal));
    const id = randomUUID();
    await store.putAttachment(
      { id, boardId: DEMO_BOARD.id, cardId, kind: file.kind, name: file.name, contentType: 'text/plain', size: data.byteLength, sha256: createHash('sha256').update(data).digest('hex'), uploadedBy: deal.owner, at },
      data,
    );
    await expectAck(submit({ id: randomUUID(), type: 'attachFile', cardId, attachmentId: id }, deal.owner, at), `attach ${file.name} to ${deal.title}`);
  }
}

async function seedDeal(store: Store, deal: DemoDeal, now: number, submit: SeedSubmit): Promise<void> {
  const createdAt = now - deal.ageDays * DAY;
  const settledAt = now - deal.daysInStage * DAY;
  const created = await expectAck(
    submit(
      { id: randomUUID(), type: 'createCard', card: { title: deal.title, customer: deal.customer, channel: deal.channel, industry: deal.industry, dealType: deal.dealType } },
      deal.owner,
      createdAt,
    ),
    `create ${deal.title}`,
  );
  const cardId = String(created.cardId);
  const fields: Record<string, unknown> = { nextStep: deal.nextStep };
  if (deal.amount > 0) fields.amount = deal.amount;
  if (deal.contactName) fields.contactName = deal.contactName;
  if (deal.needSummary) fields.needSummary = deal.needSummary;
  if (deal.decisionMaker) fields.decisionMaker = deal.decisionMaker;
  await expectAck(submit({ id: randomUUID(), type: 'updateCard', cardId, fields }, deal.owner, createdAt + 3600_000), `fill ${deal.title}`);

  const target = DEFAULT_STAGES.findIndex((s) => s.id === deal.stage);
  for (let i = 1; i <= target; i++) {
    const at = i === target ? settledAt : createdAt + ((settledAt - createdAt) * i) / (target + 1);
    const stage = DEFAULT_STAGES[i]!.id;
    if (stage === 'solution_demo') await seedAttachments(store, deal, cardId, Math.round(at) - 3600_000, submit);
    if (stage === 'signed') {
      await expectAck(submit({ id: randomUUID(), type: 'submitPack', cardId }, deal.owner, Math.round(at) - 3600_000), `submit the pack of ${deal.title}`);
    }
    await expectAck(submit({ id: randomUUID(), type: 'moveCard', cardId, toStage: stage }, deal.owner, Math.round(at)), `move ${deal.title}`);
  }
}

/**
 * Seeds the demo board, users and deals into an empty store, once: under a store lock, so
 * two processes starting together never both seed. Deals are created through the command
 * path, so every rule that holds for users holds for seeded data too.
 */
export async function seedDemo(store: Store, clock: Clock, submit: SeedSubmit, log: Logger): Promise<boolean> {
  const holder = randomUUID();
  while (!(await store.acquireLock('seed', holder, 5 * 60_000, clock.now()))) {
    await new Promise((r) => setTimeout(r, 200));
  }
  try {
    if ((await store.listBoards()).length > 0) return false;
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const now = clock.now();
    for (const u of DEMO_USERS) {
      await store.upsertUser({
        id: asUserId(u.username),
        username: u.username,
        displayName: u.displayName,
        region: u.region,
        managerId: u.managerId ? asUserId(u.managerId) : null,
        passwordHash,
      });
    }
    await store.createBoard({ id: asBoardId(DEMO_BOARD.id), name: DEMO_BOARD.name, createdAt: now });
    for (const u of DEMO_USERS) await store.setMembership({ boardId: asBoardId(DEMO_BOARD.id), userId: asUserId(u.username), role: u.role });
    // Oldest first, so the event log reads in time order.
    const deals = [...DEMO_DEALS].sort((a, b) => b.ageDays - a.ageDays);
    for (const deal of deals) await seedDeal(store, deal, now, submit);
    log.info('seeded the demo board', { board: DEMO_BOARD.id, users: DEMO_USERS.length, deals: deals.length });
    return true;
  } finally {
    await store.releaseLock('seed', holder);
  }
}
