import type { Card, CardPatch, CreateCardCommand } from '@baton/shared-types';
import { useCallback, useMemo } from 'react';
import { uuid } from '../../lib/uuid';
import { useSubmit } from '../../sync/hooks';
import type { MoveTarget } from '../board/dropPosition';
import { showToast } from '../notifications/toasts';

export type NewCardFields = CreateCardCommand['card'];

/** Every change to a card goes through here as one command; the overlay shows it at once. */
export function useCardActions() {
  const submit = useSubmit();

  const move = useCallback(
    (card: Card, target: MoveTarget) => {
      const { toStage, afterCardId, beforeCardId } = target;
      submit({ type: 'moveCard', cardId: card.id, toStage, afterCardId, beforeCardId });
    },
    [submit],
  );

  /** Creates a card with a client-made id (so the optimistic card can be matched); returns that id. */
  const create = useCallback(
    (fields: Omit<NewCardFields, 'id'>) => {
      const id = uuid();
      submit({ type: 'createCard', card: { ...fields, id } });
      return id;
    },
    [submit],
  );

  const update = useCallback(
    (card: Card, fields: CardPatch) => {
      if (Object.keys(fields).length === 0) return;
      submit({ type: 'updateCard', cardId: card.id, fields });
    },
    [submit],
  );

  const restore = useCallback(
    (card: Card) => {
      submit({ type: 'restoreCard', cardId: card.id });
      showToast({ tone: 'success', render: (tr) => ({ title: tr('toast.restored', { title: card.title }) }) });
    },
    [submit],
  );

  const archive = useCallback(
    (card: Card) => {
      submit({ type: 'archiveCard', cardId: card.id });
      showToast(
        {
          tone: 'info',
          render: (tr) => ({ title: tr('toast.archived', { title: card.title }) }),
          action: { label: (tr) => tr('toast.undo'), run: () => submit({ type: 'restoreCard', cardId: card.id }) },
        },
        10_000,
      );
    },
    [submit],
  );

  return useMemo(() => ({ move, create, update, archive, restore }), [move, create, update, archive, restore]);
}
