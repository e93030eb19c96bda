import type { Card, Command } from '@baton/shared-types';
import type { TFunction } from 'i18next';
import type { DocChange } from '../../sync/hooks';

/** "Move “ERP rollout” to Quote", for the list of changes waiting to be sent. */
export function describePending(command: Command, cards: ReadonlyMap<string, Card>, stageLabel: (id: string) => string, t: TFunction): string {
  const cardId = command.type === 'createCard' ? null : 'cardId' in command ? command.cardId : null;
  if (command.type !== 'createCard' && !cardId) return t('offline.waiting.board');
  const title = command.type === 'createCard' ? command.card.title : ((cardId && cards.get(cardId)?.title) ?? '—');
  const stage = command.type === 'moveCard' ? stageLabel(command.toStage) : '';
  return t(`offline.waiting.${command.type}`, { title, stage, defaultValue: t('offline.waiting.generic', { title }) });
}

/** "Edits to the handoff pack of “ERP rollout”". */
export function describeDocChange(change: DocChange, cards: ReadonlyMap<string, Card>, t: TFunction): string {
  return t('offline.waiting.docEdit', { doc: t(`offline.docs.${change.kind}`), title: cards.get(change.cardId)?.title ?? '—' });
}

/** At most `max` lines, the rest summed up in a last one. */
export function capLines(lines: readonly string[], max: number, t: TFunction): string[] {
  if (lines.length <= max) return [...lines];
  return [...lines.slice(0, max - 1), t('offline.waiting.more', { count: lines.length - (max - 1) })];
}
