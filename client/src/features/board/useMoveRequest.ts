import type { Card, Refusal } from '@baton/shared-types';
import { useCallback, useState } from 'react';
import { useBoardSession } from '../../sync/hooks';
import type { MoveRequest } from '../move/useMoveForm';
import type { MoveTarget } from './dropPosition';
import { asksInDialog, type MoveVerdict } from './moveRules';

interface Options {
  verdict(card: Card, toStage: string): MoveVerdict;
  send(card: Card, target: MoveTarget): void;
  reveal(cardId: string): void;
}

/**
 * Every move (drop, keyboard or menu) goes through here. The stage rules are checked first:
 * a move they accept is sent at once; a move that needs something the user can give (missing
 * fields or files, a reason for moving back, a manager's override of a full column) opens the
 * move dialog; a move nobody here can make happen is reported in words without being sent.
 */
export function useMoveRequest({ verdict, send, reveal }: Options) {
  const session = useBoardSession();
  const [dialog, setDialog] = useState<MoveRequest | null>(null);

  const request = useCallback(
    (card: Card, target: MoveTarget, options: { reveal: boolean }) => {
      const v = verdict(card, target.toStage);
      if (v.kind === 'ok') {
        send(card, target);
        if (options.reveal) reveal(card.id);
        return;
      }
      if (asksInDialog(v)) {
        setDialog({ card, target, reveal: options.reveal });
        return;
      }
      const refusal: Refusal =
        v.kind === 'blocked'
          ? v.refusal
          : { reason: 'gate_failed', message: 'The move is not allowed', details: v.kind === 'wipFull' ? { wip: v.wip, stage: target.toStage } : {} };
      const { toStage, afterCardId, beforeCardId } = target;
      session.reportLocalRefusal({ type: 'moveCard', cardId: card.id, toStage, afterCardId, beforeCardId }, refusal);
    },
    [verdict, send, reveal, session],
  );

  const closeDialog = useCallback(
    (req: MoveRequest, moved: boolean) => {
      setDialog(null);
      if (moved && req.reveal) reveal(req.card.id);
    },
    [reveal],
  );

  return { request, dialog, closeDialog };
}
