import type * as Y from 'yjs';
import type { Card } from '../model/card';
import { CONTENT_FIELD, findElements, NODES, textOf, toXml, type Block } from './richText';

/**
 * `pack:<cardId>`: the handoff pack, co-edited rich text.
 *   content: Y.XmlFragment   (tiptap; sections as headings; requirement items carry `reqId`)
 *   meta:    Y.Map           { template: <version> } set by the server with the template
 */
export const packContent = (doc: Y.Doc) => doc.getXmlFragment(CONTENT_FIELD);
export const packMeta = (doc: Y.Doc) => doc.getMap<unknown>('meta');

export interface PackRequirement {
  reqId: string;
  text: string;
}

/** Requirements in document order. A repeated `reqId` (a split or copied item) counts once: the first. */
export function listRequirements(doc: Y.Doc): PackRequirement[] {
  const seen = new Set<string>();
  const out: PackRequirement[] = [];
  for (const el of findElements(packContent(doc), NODES.requirement)) {
    const reqId = el.getAttribute('reqId');
    if (typeof reqId !== 'string' || reqId.length === 0 || seen.has(reqId)) continue;
    seen.add(reqId);
    out.push({ reqId, text: textOf(el).trim() });
  }
  return out;
}

export const hasTemplate = (doc: Y.Doc) => packMeta(doc).get('template') !== undefined;

/** The pack's template sections; their headings carry `section` so clients find them in any language. */
export const PACK_SECTIONS = ['words', 'screenshots', 'decisions', 'notes', 'requirements'] as const;
export type PackSection = (typeof PACK_SECTIONS)[number];

/** The roles of a decision chain row. */
export const DECISION_ROLES = ['decides', 'influences', 'signs'] as const;

/** The pack's starting content, generated from what the deal holds. */
export function packTemplate(card: Pick<Card, 'customer' | 'contactName' | 'decisionMaker' | 'needSummary'>, newId: () => string): Block[] {
  const h = (text: string, section: PackSection): Block => ({ node: NODES.heading, attrs: { level: 2, section }, text });
  const p = (text = ''): Block => ({ node: NODES.paragraph, text });
  const row = (role: (typeof DECISION_ROLES)[number], name: string): Block => ({ node: NODES.decisionRow, attrs: { role, name, title: '' } });
  return [
    h('Customer’s own words', 'words'),
    p(card.needSummary ? `“${card.needSummary}” — ${card.contactName || card.customer}` : ''),
    h('Key screenshots', 'screenshots'),
    p(),
    h('Decision chain', 'decisions'),
    row('decides', card.decisionMaker),
    row('influences', card.contactName),
    row('signs', ''),
    h('Meeting notes', 'notes'),
    p(),
    h('Requirements', 'requirements'),
    { node: NODES.requirement, attrs: { reqId: newId() }, text: card.needSummary },
  ];
}

/** How many requirements a new pack's template holds: each starts unrated, so a new pack's counts are known before its document exists. */
export const TEMPLATE_REQUIREMENTS = packTemplate({ customer: '', contactName: '', decisionMaker: '', needSummary: '' }, () => 'r').filter(
  (b) => b.node === NODES.requirement,
).length;

/** Writes the template once (the caller makes sure nobody else writes one at the same time, see the server's templates). */
export function writePackTemplate(doc: Y.Doc, blocks: readonly Block[], version = 1): boolean {
  if (hasTemplate(doc)) return false;
  doc.transact(() => {
    const content = packContent(doc);
    content.insert(content.length, toXml(blocks));
    packMeta(doc).set('template', version);
  });
  return true;
}
