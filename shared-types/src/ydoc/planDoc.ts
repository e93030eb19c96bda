import * as Y from 'yjs';
import { CONTENT_FIELD, NODES, textOf, toXml, type Block } from './richText';

/**
 * `plan:<cardId>`: delivery's implementation plan, rich text. Its sections are headings with a
 * `section` attribute (modules | dependencies | schedule); the server reads each section's text
 * to decide whether a posted plan is a real plan.
 */
export const PLAN_SECTIONS = ['modules', 'dependencies', 'schedule'] as const;
export type PlanSection = (typeof PLAN_SECTIONS)[number];

export const planContent = (doc: Y.Doc) => doc.getXmlFragment(CONTENT_FIELD);

export const PLAN_TEMPLATE: Block[] = [
  { node: NODES.heading, attrs: { level: 2, section: 'modules' }, text: 'Modules' },
  { node: NODES.paragraph },
  { node: NODES.heading, attrs: { level: 2, section: 'dependencies' }, text: 'Dependencies' },
  { node: NODES.paragraph },
  { node: NODES.heading, attrs: { level: 2, section: 'schedule' }, text: 'Schedule' },
  { node: NODES.paragraph },
];

export function writePlanTemplate(doc: Y.Doc): boolean {
  const content = planContent(doc);
  if (content.length > 0) return false;
  content.insert(0, toXml(PLAN_TEMPLATE));
  return true;
}

/** Text under each section heading (up to the next heading). */
export function readPlanSections(doc: Y.Doc): Record<PlanSection, string> {
  const out: Record<PlanSection, string> = { modules: '', dependencies: '', schedule: '' };
  let current: PlanSection | null = null;
  planContent(doc).forEach((node) => {
    if (node instanceof Y.XmlElement && node.nodeName === NODES.heading) {
      const section = node.getAttribute('section') as unknown;
      current = (PLAN_SECTIONS as readonly unknown[]).includes(section) ? (section as PlanSection) : null;
      return;
    }
    if (current && (node instanceof Y.XmlElement || node instanceof Y.XmlText)) out[current] += `${textOf(node)}\n`;
  });
  return out;
}

/** Acknowledgements that are not a plan ("received, will schedule"). */
const NOT_A_PLAN = /^(received|ack(nowledged)?|noted|ok(ay)?|will (schedule|plan|follow up)|tbd|todo|收到|已收到|待定|稍后安排)\b/i;

/**
 * A section counts as filled with at least 20 characters of content that is not a mere
 * acknowledgement ("Received, will schedule" is not a plan; a long text that starts that way is).
 */
export function isSectionFilled(text: string): boolean {
  const t = text.replace(/\s+/g, ' ').trim();
  const length = t.replace(/\s/g, '').length;
  return length >= 20 && !(length < 80 && NOT_A_PLAN.test(t));
}

/** The sections a plan still lacks before it counts as posted. */
export function missingPlanSections(doc: Y.Doc): PlanSection[] {
  const sections = readPlanSections(doc);
  return PLAN_SECTIONS.filter((s) => !isSectionFilled(sections[s]));
}
