import type { Store } from '@baton/persistence';
import { boardDocName } from '@baton/shared-types';
import { liveCards } from '../boards/liveIndex';
import { Hono } from 'hono';
import type { DocAccess } from '../boards/docAccess';
import type { Directory } from '../boards/directory';
import type { ApiEnv } from './env';
import { fail } from './errors';

export interface TimelineRouteDeps {
  store: Store;
  directory: Directory;
  docs: DocAccess;
}

const norm = (s: string) => s.trim().toLowerCase();

/** Everything that happened around a customer's deals, as one timeline (moves, packs, colours, plans, files). */
export function timelineRoutes(deps: TimelineRouteDeps) {
  const app = new Hono<ApiEnv>();
  const member = async (boardId: string, userId: string) => (await deps.directory.roleOn(boardId, userId)) !== null;
  const notMember = 'No such board, or you are not a member of it';

  app.get('/:boardId/customers', async (c) => {
    if (!(await member(c.req.param('boardId'), c.get('user').id))) return fail(c, 'not_found', notMember);
    const cards = await deps.docs.withDoc(boardDocName(c.req.param('boardId')), (doc) => liveCards(doc));
    const byCustomer = new Map<string, { customer: string; deals: number; amount: number }>();
    for (const card of cards) {
      const entry = byCustomer.get(norm(card.customer)) ?? { customer: card.customer, deals: 0, amount: 0 };
      entry.deals++;
      entry.amount += card.amount ?? 0;
      byCustomer.set(norm(card.customer), entry);
    }
    return c.json({ customers: [...byCustomer.values()].sort((a, b) => a.customer.localeCompare(b.customer)) });
  });

  app.get('/:boardId/customers/:customer/timeline', async (c) => {
    const boardId = c.req.param('boardId');
    if (!(await member(boardId, c.get('user').id))) return fail(c, 'not_found', notMember);
    const customer = c.req.param('customer');
    const types = c.req.query('types')?.split(',').filter(Boolean);
    const cards = (await deps.docs.withDoc(boardDocName(boardId), (doc) => liveCards(doc))).filter((card) => norm(card.customer) === norm(customer));
    if (cards.length === 0) return fail(c, 'not_found', `No deals for customer '${customer.slice(0, 100)}' on this board`);
    const lists = await Promise.all(cards.map((card) => deps.store.listEvents({ boardId, cardId: card.id, types, newestFirst: true, limit: 1000 })));
    const titles = new Map(cards.map((card) => [card.id as string, card.title]));
    const events = lists
      .flat()
      .sort((a, b) => b.at - a.at || b.id - a.id)
      .map(({ id, cardId, type, actor, at, data }) => ({ id, cardId, cardTitle: cardId ? (titles.get(cardId) ?? '') : '', type, actor, at, data }));
    return c.json({
      customer: cards[0]?.customer ?? customer,
      cards: cards.map((card) => ({ id: card.id, title: card.title, stage: card.stage, amount: card.amount, currency: card.currency, archived: card.archived })),
      events,
    });
  });
  return app;
}
