import * as Y from 'yjs';

/**
 * Node names of the rich-text schema shared by the tiptap editor (client) and the server,
 * which reads documents and writes templates. y-prosemirror maps a ProseMirror node to a
 * Y.XmlElement named after the node type, with its attrs as attributes.
 */
export const NODES = {
  paragraph: 'paragraph',
  heading: 'heading',
  bulletList: 'bulletList',
  listItem: 'listItem',
  /** A requirement: block of inline text with a stable `reqId` attribute. */
  requirement: 'requirement',
  /** A row of the decision chain: attrs `role` (decides | influences | signs), `name`, `title`. */
  decisionRow: 'decisionRow',
  /** A screenshot or file shown by reference: attrs `attachmentId`, `name`. Bytes never enter the document. */
  attachmentRef: 'attachmentRef',
} as const;

/** The XmlFragment tiptap's Collaboration extension edits (its `field` option). */
export const CONTENT_FIELD = 'content';

export type Block = { node: string; attrs?: Record<string, string | number>; text?: string; children?: Block[] };

/** Builds Y.XmlElements for blocks (server-written templates). */
export function toXml(blocks: readonly Block[]): Array<Y.XmlElement> {
  return blocks.map((b) => {
    const el = new Y.XmlElement(b.node);
    for (const [k, v] of Object.entries(b.attrs ?? {})) el.setAttribute(k, v as unknown as string);
    if (b.children) el.insert(0, toXml(b.children));
    else if (b.text) el.insert(0, [new Y.XmlText(b.text)]);
    return el;
  });
}

/** Plain text of an element and its descendants. */
export function textOf(node: Y.XmlElement | Y.XmlText | Y.XmlFragment): string {
  if (node instanceof Y.XmlText) return node.toString().replace(/<[^>]*>/g, '');
  const parts: string[] = [];
  node.forEach((child) => {
    if (child instanceof Y.XmlText || child instanceof Y.XmlElement) parts.push(textOf(child));
  });
  return parts.join(node instanceof Y.XmlFragment ? '\n' : '');
}

/** Every element with the given node name, in document order. */
export function findElements(root: Y.XmlFragment | Y.XmlElement, nodeName: string): Y.XmlElement[] {
  const found: Y.XmlElement[] = [];
  root.forEach((child) => {
    if (!(child instanceof Y.XmlElement)) return;
    if (child.nodeName === nodeName) found.push(child);
    found.push(...findElements(child, nodeName));
  });
  return found;
}
