import type { Card } from '@baton/shared-types';
import { useCallback, useState } from 'react';
import { useBoardSession } from '../../sync/hooks';
import type { MoveTarget } from './dropPosition';
import type { ReasonRequest } from './MoveReasonDialog';
import type { MoveVerdict } from './moveRules';

interface Options {
  verdict(card: Card, toStage: string): MoveVerdict;
  send(card: Card, target: MoveTarget, reason?: string): void;
  reveal(cardId: string): void;
}

/**
 * Every move (drop or menu) goes through here: the stage rules are checked first; a
 * backward move asks for a reason; a move the rules refuse is reported in words without
 * being sent (the server would refuse it the same way).
 */
export function useMoveRequest({ verdict, send, reveal }: Options) {
  const session = useBoardSession();
  const [reasonRequest, setReasonRequest] = useState<ReasonRequest | null>(null);

  const request = useCallback(
    (card: Card, target: MoveTarget, options: { reveal: boolean }) => {
      const v = verdict(card, target.toStage);
      if (v.kind === 'needsReason') {
        setReasonRequest({ card, target, reveal: options.reveal });
        return;
      }
      if (v.kind === 'blocked') {
        session.reportLocalRefusal(
          { type: 'moveCard', cardId: card.id, toStage: target.toStage, afterCardId: target.afterCardId, beforeCardId: target.beforeCardId },
          v.refusal,
        );
        return;
      }
      send(card, target);
      if (options.reveal) reveal(card.id);
    },
    [verdict, send, reveal, session],
  );

  const confirmReason = useCallback(
    (req: ReasonRequest, reason: string) => {
      setReasonRequest(null);
      send(req.card, req.target, reason);
      reveal(req.card.id);
    },
    [send, reveal],
  );

  const cancelReason = useCallback(() => setReasonRequest(null), []);
  return { request, reasonRequest, confirmReason, cancelReason };
}
