import type { Role } from '../model/roles';
import type { DocKind } from '../protocol/documents';

export type DocRight = 'write' | 'read';

/** `ownerWrite`: writes when the user owns the card, reads otherwise. */
type RightRule = DocRight | 'ownerWrite';

/**
 * Who may write which document, as data. Permission domains are documents: a role that may
 * not write one gets it over a read-only connection, enforced by the server. Every member of
 * the board may read every document of its cards; non-members get nothing.
 */
export const DOC_RIGHTS: Readonly<Record<DocKind, Readonly<Record<Role, RightRule>>>> = {
  // The board changes only through commands.
  board: { sales: 'read', product: 'read', delivery: 'read', manager: 'read', ops: 'read', admin: 'read' },
  // Handoff pack: co-edited by the deal's sales owner, the manager, product and delivery.
  pack: { sales: 'ownerWrite', product: 'write', delivery: 'write', manager: 'write', ops: 'read', admin: 'read' },
  // Traffic lights on requirements: product only.
  review: { sales: 'read', product: 'write', delivery: 'read', manager: 'read', ops: 'read', admin: 'read' },
  // Delivery's implementation plan: delivery only.
  plan: { sales: 'read', product: 'read', delivery: 'write', manager: 'read', ops: 'read', admin: 'read' },
};

export function docRight(kind: DocKind, role: Role, ownsCard: boolean): DocRight {
  const rule = DOC_RIGHTS[kind][role];
  if (rule === 'ownerWrite') return ownsCard ? 'write' : 'read';
  return rule;
}

/** Who can edit a document, in words (shown next to a read-only editor). */
export const DOC_EDITORS: Readonly<Record<DocKind, { en: string; zh: string }>> = {
  board: { en: 'Changes go through board actions', zh: '通过看板操作修改' },
  pack: { en: 'The deal’s sales owner, managers, product and delivery can edit the handoff pack', zh: '商机负责人、经理、产品和交付可以编辑交接包' },
  review: { en: 'Only product sets requirement colours', zh: '只有产品可以设置需求颜色' },
  plan: { en: 'Only delivery edits the implementation plan', zh: '只有交付可以编辑实施计划' },
};
