import { checkMove, stageIndex, type AttachmentRef, type Card, type CommandInput, type Refusal, type UserId } from '@baton/shared-types';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useBoardSession, useBoardView } from '../../sync/hooks';
import { patchCard } from '../../sync/overlay';
import { useBoard } from '../board/BoardContext';
import type { MoveTarget } from '../board/dropPosition';
import { gateDetails, type WipState } from '../board/moveRules';
import type { CustomDraft } from '../card/customFields';
import { fieldsFromDrafts, mergeItems, withUploads } from './moveForm';

export interface MoveRequest {
  card: Card;
  target: MoveTarget;
  /** Scroll to the card after the move (moves from the menu). */
  reveal: boolean;
}

/** How long the dialog waits for the server before leaving the answer to the outbox (and a toast). */
const ANSWER_WAIT_MS = 5000;

/**
 * State of the move dialog: values typed for missing fields, files uploaded, the reason and the
 * WIP override. Every render re-runs `checkMove` against the card with all of that applied, so
 * the Move button is enabled exactly when the server would accept the move.
 */
export function useMoveForm(request: MoveRequest, onDone: (moved: boolean) => void) {
  const board = useBoard();
  const session = useBoardSession();
  const view = useBoardView();
  const card = view.cards.get(request.card.id) ?? request.card;
  const { toStage } = request.target;
  const stages = board.allStages;
  const [drafts, setDrafts] = useState<Record<string, CustomDraft>>({});
  const [uploaded, setUploaded] = useState<AttachmentRef[]>([]);
  const [reason, setReason] = useState('');
  const [override, setOverride] = useState(false);
  const [overrideGate, setOverrideGate] = useState(false);
  const [serverRefusal, setServerRefusal] = useState<Refusal | null>(null);
  const [sending, setSending] = useState(false);
  const stopWaiting = useRef<(() => void) | null>(null);
  useEffect(() => () => stopWaiting.current?.(), []);

  const actor = board.actor ? { userId: board.actor.userId as UserId, role: board.actor.role } : null;
  const targetCount = (view.columns.get(toStage) ?? []).filter((c) => c.id !== card.id).length;
  const { fields, invalid } = fieldsFromDrafts(stages, drafts);
  const effective = withUploads(patchCard(card, fields), uploaded);
  const check = actor ? checkMove(stages, effective, toStage, { targetCount, reason, overrideWip: override, overrideGate, actor }) : null;
  const now = check && !check.ok ? gateDetails(check.error.details) : null;
  const server = serverRefusal ? gateDetails(serverRefusal.details) : null;

  // Missing when the dialog opened: those items stay listed (ticked once done).
  const [opening] = useState(() => (actor ? checkMove(stages, request.card, toStage, { targetCount, actor }) : null));
  const openingMissing = opening && !opening.ok ? gateDetails(opening.error.details).missing : [];
  const items = mergeItems(stages, [openingMissing, now?.missing ?? [], server?.missing ?? []]);

  const from = stageIndex(stages, card.stage);
  const backward = from >= 0 && stageIndex(stages, toStage) < from;
  const target = stages.find((s) => s.id === toStage);
  const mayOverride = board.actor?.role === 'manager' || board.actor?.role === 'admin';
  const wip: WipState | null =
    target?.wipLimit !== null && target?.wipLimit !== undefined && targetCount >= target.wipLimit && card.stage !== toStage
      ? { limit: target.wipLimit, count: targetCount, canOverride: mayOverride }
      : null;
  // Offered while what is missing may be overridden (and kept once ticked, though the check then passes).
  const gateOverridable = overrideGate || now?.canOverride === true;
  const reasonNeeded = backward || override || overrideGate;
  const ready = check?.ok === true && invalid.length === 0 && !sending;

  const setDraft = useCallback((key: string, value: CustomDraft) => setDrafts((d) => ({ ...d, [key]: value })), [setDrafts]);
  const addUpload = useCallback((a: AttachmentRef) => setUploaded((list) => [...list, a]), [setUploaded]);

  const submit = () => {
    if (!ready) return;
    const input: CommandInput = {
      type: 'moveCard',
      cardId: card.id,
      toStage,
      afterCardId: request.target.afterCardId,
      beforeCardId: request.target.beforeCardId,
      ...(Object.keys(fields).length > 0 ? { fields } : {}),
      ...(reason.trim() ? { reason: reason.trim() } : {}),
      ...(override && wip ? { overrideWip: true } : {}),
      ...(overrideGate ? { overrideGate: true } : {}),
    };
    if (!session.isLive()) {
      // Offline: the outbox keeps the move; a later refusal shows as a toast like any other.
      session.submit(input);
      onDone(true);
      return;
    }
    setSending(true);
    setServerRefusal(null);
    const timer = setTimeout(() => onDone(true), ANSWER_WAIT_MS);
    const waiting = session.submitAndWait(input, (outcome) => {
      clearTimeout(timer);
      stopWaiting.current = null;
      if (outcome.type === 'ack') {
        onDone(true);
        return false;
      }
      const gate = gateDetails(outcome.details);
      if (outcome.reason === 'gate_failed' && (gate.missing.length > 0 || gate.wip || gate.needsReason)) {
        // Someone changed the card or the stage meanwhile: show what the server asks for, stay open.
        setSending(false);
        setServerRefusal({ reason: outcome.reason, message: outcome.message, ...(outcome.details ? { details: outcome.details } : {}) });
        return true;
      }
      onDone(false);
      return false;
    });
    stopWaiting.current = () => {
      clearTimeout(timer);
      waiting.stopWaiting();
    };
  };

  return {
    card,
    effective,
    toStage,
    items,
    drafts,
    setDraft,
    invalid,
    addUpload,
    reason,
    setReason,
    reasonNeeded,
    backward,
    wip,
    override,
    setOverride,
    gateOverridable,
    overrideGate,
    setOverrideGate,
    serverRefusal,
    sending,
    ready,
    submit,
  };
}

export type MoveForm = ReturnType<typeof useMoveForm>;
