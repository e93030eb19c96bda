import type { Store } from '@baton/persistence';
import { cardDocName, EVENT_TYPES, parseDocName } from '@baton/shared-types';
import { countLights, listRequirements, readLight, readLights, reviewLights, type LightColor } from '@baton/shared-types/ydoc';
import type { Document } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { DocAccess } from '../boards/docAccess';
import type { Clock } from '../clock';
import type { CommandService } from '../commands/CommandService';
import { connectionContext } from '../extensions/context';
import type { Logger } from '../log';
import { decideCounts } from './counts';

interface Deps {
  store: Store;
  clock: Clock;
  docs: DocAccess;
  commands: CommandService;
  log: Logger;
  /** Delay that gathers a burst of edits into one count update. */
  settleMs?: number;
}

interface ColourChange {
  reqId: string;
  from: LightColor | null;
  to: LightColor | null;
  note: string;
}

/** Who made a change: the authenticated user of the connection it came in on (never the document's own fields). */
function actorOf(transaction: Y.Transaction): string | null {
  const origin = transaction.origin as { source?: string; connection?: { context: unknown } } | null;
  if (origin?.source !== 'connection' || !origin.connection) return null;
  return connectionContext(origin.connection.context)?.user.id ?? null;
}

function colourChanges(events: ReadonlyArray<Y.YEvent<Y.AbstractType<unknown>>>, lights: Y.Map<Y.Map<unknown>>): ColourChange[] {
  const changes: ColourChange[] = [];
  for (const event of events) {
    if (event.target === lights) {
      event.changes.keys.forEach((change, reqId) => {
        if (change.action === 'delete') return;
        const light = readLight(lights.get(reqId));
        if (light.color) changes.push({ reqId, from: change.action === 'update' ? readLight(change.oldValue).color : null, to: light.color, note: light.note });
      });
    } else if (event.target instanceof Y.Map && typeof event.path[0] === 'string') {
      const colour = event.changes.keys.get('color');
      if (!colour) continue;
      const light = readLight(event.target);
      changes.push({ reqId: event.path[0], from: (colour.oldValue as LightColor | undefined) ?? null, to: light.color, note: light.note });
    }
  }
  return changes;
}

/**
 * Turns what people write in the handoff documents into numbers: each colour product sets
 * becomes an event (actor from the authenticated connection, time from the server clock), and
 * the card's red/yellow/green counts follow the pack and its review.
 */
export class HandoffWatcher {
  private readonly detach = new Map<string, () => void>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly deps: Deps) {}

  loaded(name: string, document: Document): void {
    const parsed = parseDocName(name);
    if (!parsed || (parsed.kind !== 'review' && parsed.kind !== 'pack')) return;
    const { cardId } = parsed;
    if (parsed.kind === 'review') {
      const lights = reviewLights(document);
      const onLights = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, transaction: Y.Transaction) => {
        const actor = actorOf(transaction);
        if (!actor) return;
        const changes = colourChanges(events, lights);
        if (changes.length > 0) void this.record(cardId, actor, changes).catch((e: unknown) => this.deps.log.error('could not record colours', e, { cardId }));
        this.schedule(cardId, actor);
      };
      lights.observeDeep(onLights);
      this.detach.set(name, () => lights.unobserveDeep(onLights));
    } else {
      const onPack = (_update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
        const actor = actorOf(transaction);
        if (actor && origin) this.schedule(cardId, actor);
      };
      document.on('update', onPack);
      this.detach.set(name, () => document.off('update', onPack));
    }
  }

  unloaded(name: string): void {
    this.detach.get(name)?.();
    this.detach.delete(name);
  }

  stop(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private async record(cardId: string, actor: string, changes: ColourChange[]): Promise<void> {
    const boardId = await this.deps.store.boardOfCard(cardId);
    if (!boardId) return;
    const texts = new Map(
      (await this.deps.docs.withDoc(cardDocName('pack', cardId), (doc) => listRequirements(doc))).map((r) => [r.reqId, r.text] as const),
    );
    const at = this.deps.clock.now();
    await this.deps.store.appendEvents(
      changes.map((c) => ({ boardId, cardId, type: EVENT_TYPES.requirementColored, actor, at, data: { ...c, text: texts.get(c.reqId) ?? '' } })),
    );
  }

  private schedule(cardId: string, actor: string): void {
    clearTimeout(this.timers.get(cardId));
    this.timers.set(
      cardId,
      setTimeout(() => {
        this.timers.delete(cardId);
        void this.refresh(cardId, actor).catch((e: unknown) => this.deps.log.error('could not update handoff counts', e, { cardId }));
      }, this.deps.settleMs ?? 150),
    );
  }

  /** Recomputes the counts from the documents as they are now and puts them on the card. */
  async refresh(cardId: string, actor: string): Promise<void> {
    const boardId = await this.deps.store.boardOfCard(cardId);
    if (!boardId) return;
    const requirements = await this.deps.docs.withDoc(cardDocName('pack', cardId), (doc) => listRequirements(doc));
    const lights = await this.deps.docs.withDoc(cardDocName('review', cardId), (doc) => readLights(doc));
    const counts = countLights(requirements, lights);
    await this.deps.commands.runSystem(boardId, actor, 'handoff.counts', (ctx) => decideCounts(ctx, cardId, counts));
  }
}
