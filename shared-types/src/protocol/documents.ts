import type { BoardId, CardId } from '../model/ids';
import { SLUG_PATTERN, UUID_PATTERN } from '../model/ids';

/** Document kinds and their name prefixes (see DESIGN.md, "Documents and who writes them"). */
export const DOC_KINDS = ['board', 'pack', 'review', 'plan'] as const;
export type DocKind = (typeof DOC_KINDS)[number];

export type DocName =
  | { kind: 'board'; boardId: BoardId }
  | { kind: 'pack' | 'review' | 'plan'; cardId: CardId };

export const boardDocName = (boardId: BoardId | string) => `board:${boardId}`;
export const cardDocName = (kind: 'pack' | 'review' | 'plan', cardId: CardId | string) => `${kind}:${cardId}`;

/** Parses a document name; null for anything that is not a well-formed Baton document name. */
export function parseDocName(name: string): DocName | null {
  const sep = name.indexOf(':');
  if (sep < 0) return null;
  const kind = name.slice(0, sep);
  const id = name.slice(sep + 1);
  if (kind === 'board') return SLUG_PATTERN.test(id) ? { kind, boardId: id as BoardId } : null;
  if (kind === 'pack' || kind === 'review' || kind === 'plan') {
    return UUID_PATTERN.test(id) ? { kind, cardId: id as CardId } : null;
  }
  return null;
}
