import { cardHealth, openForNextStage, STANDUP_PROMPTS, type Card } from '@baton/shared-types';
import type { ReactNode } from 'react';
import { navigate, packPath } from '../../lib/router';
import { CardTile } from '../../ui/CardTile';
import { healthChip, stuckTitle } from '../health/healthText';
import { useUnreadForCard } from '../notifications/useNotificationFeed';
import { lightLabels } from '../pack/useLightLabels';
import { useBoard } from './BoardContext';
import { cardLabels } from './cardLabels';
import { daysSince, formatMoney } from './format';

/** Maps a card to the presentational tile (names, money and days in the UI language). */
interface Props {
  card: Card;
  pending: boolean;
  refusal: string | null;
  actions?: ReactNode;
  /** Id for the "n to do" tooltip, so the card can point screen readers at it. */
  todoId?: string;
}

export function CardFace({ card, pending, refusal, actions, todoId = `todo-${card.id}` }: Props) {
  const board = useBoard();
  const { t, language } = board;
  const words = cardLabels(t, language);
  const owner = board.members.get(card.ownerId);
  const days = daysSince(card.stageEnteredAt, board.now);
  const missing = openForNextStage(board.stages, card);
  const labels = lightLabels(t, language);
  const health = cardHealth(card, board.sla, board.now);
  const chip = healthChip(health, board.now, t);
  const unread = useUnreadForCard(card.id);
  const noteLines = STANDUP_PROMPTS.filter((key) => card.standupNotes?.[key]).map((key) => ({ key, label: t(`standup.short.${key}`), text: card.standupNotes?.[key] ?? '' }));
  const counts = card.handoff?.counts;
  const pack = counts
    ? {
        counts,
        labels,
        label: t('handoff.counts.open', {
          title: card.title,
          summary: counts.red + counts.yellow + counts.green + counts.unset > 0 ? t('handoff.counts.summary', { ...counts }) : t('handoff.counts.none'),
        }),
        onOpen: () => navigate(packPath(board.boardId, card.id)),
      }
    : undefined;
  const todo =
    missing.length > 0
      ? {
          id: todoId,
          label: t('card.todo', { count: missing.length }),
          title: t('card.todoTitle', { stage: board.stageLabel(missing[0]?.stageId ?? '') }),
          items: missing.map((m) => m.label[board.language]),
        }
      : undefined;
  return (
    <CardTile
      title={card.title}
      customer={card.customer}
      amount={card.amount === null || card.amount === undefined ? null : formatMoney(card.amount, card.currency, board.locale)}
      noAmountLabel={words.noAmount}
      ownerName={owner?.displayName ?? (card.ownerId || words.unknownOwner)}
      ownerColor={owner?.color ?? '#94a3b8'}
      ownerLabel={words.owner}
      days={days === 0 ? words.today : words.days(days)}
      dealType={card.dealType === 'renewal' ? words.renewal : undefined}
      pending={pending}
      pendingLabel={words.pending}
      pendingTitle={words.pendingTitle}
      lockedReason={refusal ? t('card.cannotMove', { reason: refusal }) : null}
      lockedLabel={words.locked}
      todo={todo}
      actions={actions}
      pack={pack}
      health={chip ?? undefined}
      stuck={health.stuck ? { label: words.stuck, title: stuckTitle(health, board.sla, t) } : undefined}
      alert={unread > 0 ? { count: unread, label: t('sla.alertBadge', { count: unread }) } : undefined}
      notes={noteLines.length > 0 ? { title: words.notesTitle, lines: noteLines } : undefined}
    />
  );
}
