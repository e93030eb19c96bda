import type { CommandInput, RejectReason } from '@baton/shared-types';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useBoardSession } from './hooks';

export type CommandStatus =
  | { state: 'pending'; what: string }
  | { state: 'saved'; what: string }
  | { state: 'refused'; what: string; reason: RejectReason; message: string; details?: Record<string, unknown> | undefined };

/**
 * Sends commands and keeps the latest answer per key (a stage, a card’s pack…), so the UI can say
 * "Saving…", "Saved" or why the server refused. Refusals shown here do not also toast.
 */
export function useTrackedCommands() {
  const session = useBoardSession();
  const [status, setStatus] = useState<Readonly<Record<string, CommandStatus>>>({});
  const mounted = useRef(true);
  const stops = useRef(new Set<() => void>());
  useEffect(() => {
    mounted.current = true;
    const pending = stops.current;
    return () => {
      mounted.current = false;
      for (const stop of pending) stop();
    };
  }, []);

  /** `what` names the change for the status line (e.g. "moved", "retired"). Resolves with the outcome. */
  const send = useCallback(
    (key: string, what: string, input: CommandInput) =>
      new Promise<boolean>((resolve) => {
        setStatus((s) => ({ ...s, [key]: { state: 'pending', what } }));
        const { stopWaiting } = session.submitAndWait(input, (outcome) => {
          stops.current.delete(stopWaiting);
          resolve(outcome.type === 'ack');
          if (!mounted.current) return false;
          setStatus((s) => ({
            ...s,
            [key]: outcome.type === 'ack' ? { state: 'saved', what } : { state: 'refused', what, reason: outcome.reason, message: outcome.message, details: outcome.details },
          }));
          return outcome.type === 'reject';
        });
        stops.current.add(stopWaiting);
      }),
    [session],
  );

  const clear = useCallback((key: string) => setStatus(({ [key]: _gone, ...rest }) => rest), []);
  return { status, send, clear };
}
