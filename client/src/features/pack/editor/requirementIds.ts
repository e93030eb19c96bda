import { NODES } from '@baton/shared-types/ydoc';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Mapping } from '@tiptap/pm/transform';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

export interface RequirementAt {
  pos: number;
  reqId: string | null;
}

export interface IdFix {
  pos: number;
  reqId: string;
}

/** Requirement nodes with their ids, in document order. */
export function requirementNodes(doc: PMNode): RequirementAt[] {
  const found: RequirementAt[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name !== NODES.requirement) return true;
    const reqId = node.attrs.reqId as unknown;
    found.push({ pos, reqId: typeof reqId === 'string' && reqId.length > 0 ? reqId : null });
    return false;
  });
  return found;
}

/**
 * Which requirements need a fresh id: those without one, and every repeat of an id but one.
 * The one that keeps it is the node at a position in `keep` (where that id was before the
 * change: a pasted copy above the original does not steal its colour), else the first.
 */
export function requirementIdFixes(doc: PMNode, newId: () => string, keep: ReadonlySet<number> = new Set()): IdFix[] {
  const nodes = requirementNodes(doc);
  const keeper = new Map<string, number>();
  for (const n of nodes) {
    if (n.reqId === null) continue;
    const current = keeper.get(n.reqId);
    if (current === undefined || (keep.has(n.pos) && !keep.has(current))) keeper.set(n.reqId, n.pos);
  }
  return nodes.filter((n) => n.reqId === null || keeper.get(n.reqId) !== n.pos).map((n) => ({ pos: n.pos, reqId: newId() }));
}

/** Where each requirement of `before` is in `after` (through `mapping`), if it is still there with its id. */
export function keptPositions(before: PMNode, after: PMNode, mapping: Mapping): Set<number> {
  const kept = new Set<number>();
  for (const n of requirementNodes(before)) {
    if (n.reqId === null) continue;
    const pos = mapping.map(n.pos, 1);
    const node = pos <= after.content.size ? after.nodeAt(pos) : null;
    if (node?.type.name === NODES.requirement && node.attrs.reqId === n.reqId) kept.add(pos);
  }
  return kept;
}

export const requirementIdsKey = new PluginKey('requirementIds');

/**
 * Gives a fresh id to every requirement that has none or repeats an earlier one, in the same
 * step as the local edit that caused it (Enter in the middle, copy and paste). Remote changes
 * are left alone (their author's editor fixed them), and a read-only editor never writes.
 */
export function requirementIdsPlugin(options: { newId: () => string; isEditable: () => boolean }): Plugin {
  return new Plugin({
    key: requirementIdsKey,
    appendTransaction(transactions, oldState, newState) {
      if (!options.isEditable()) return null;
      if (!transactions.some((tr) => tr.docChanged && !tr.getMeta(ySyncPluginKey))) return null;
      const mapping = new Mapping();
      for (const tr of transactions) mapping.appendMapping(tr.mapping);
      const fixes = requirementIdFixes(newState.doc, options.newId, keptPositions(oldState.doc, newState.doc, mapping));
      if (fixes.length === 0) return null;
      const tr = newState.tr;
      for (const fix of fixes) tr.setNodeAttribute(fix.pos, 'reqId', fix.reqId);
      return tr;
    },
  });
}
