import type { StandupPrompt } from '@baton/shared-types';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTrackedCommands } from '../../sync/useTrackedCommands';

const SAVE_AFTER_MS = 800;
const MAX_LENGTH = 2000;

interface Props {
  cardId: string;
  prompt: StandupPrompt;
  /** What the card says now (live from the board document). */
  value: string;
  canEdit: boolean;
  /** Show an example answer as the placeholder. */
  example: boolean;
}

/**
 * One of the three standup prompts as a text area. Typing saves a `standupNote` after a pause and on
 * leaving the field; while the user types, their text wins; afterwards the field follows the card.
 */
export function PromptField({ cardId, prompt, value, canEdit, example }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const { status, send } = useTrackedCommands();
  const [draft, setDraft] = useState<string | null>(null);
  const draftRef = useRef<string | null>(null);
  const sentRef = useRef<string | null>(null);
  const focused = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const save = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const text = draftRef.current;
    if (text === null || text === sentRef.current) return;
    sentRef.current = text;
    void send('note', 'saved', { type: 'standupNote', cardId, prompt, text }).then((ok) => {
      // Saved and no longer being typed: show the card's copy again (it now holds this text).
      if (ok && !focused.current && draftRef.current === text) {
        draftRef.current = null;
        sentRef.current = null;
        setDraft(null);
      }
    });
  };
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  // Leaving the page mid-pause still saves what was typed.
  useEffect(() => () => saveRef.current(), []);

  const state = status.note;
  const statusText =
    state?.state === 'pending' ? t('standup.saving') : state?.state === 'saved' ? t('standup.saved') : state?.state === 'refused' ? t('standup.saveFailed', { message: state.message }) : '';

  return (
    <div className={`prompt-field prompt-${prompt}`}>
      <label className="prompt-label" htmlFor={id}>
        {t(`standup.prompts.${prompt}`)}
      </label>
      <textarea
        id={id}
        className="prompt-input"
        rows={canEdit ? 3 : 1}
        maxLength={MAX_LENGTH}
        value={draft ?? value}
        readOnly={!canEdit}
        placeholder={canEdit && example ? t(`standup.placeholders.${prompt}`) : canEdit ? '' : t('standup.notesEmpty')}
        data-testid={`prompt-${prompt}`}
        aria-describedby={`${id}-status`}
        onFocus={() => (focused.current = true)}
        onChange={(e) => {
          draftRef.current = e.target.value;
          setDraft(e.target.value);
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(save, SAVE_AFTER_MS);
        }}
        onBlur={() => {
          focused.current = false;
          const text = draftRef.current;
          // Already on the card (saved, or never changed): follow the card again.
          if (text !== null && ((text === sentRef.current && state?.state === 'saved') || text === value)) {
            draftRef.current = null;
            sentRef.current = null;
            setDraft(null);
            return;
          }
          save();
        }}
      />
      <span id={`${id}-status`} className={`prompt-status is-${state?.state ?? 'idle'}`} aria-live="polite" data-testid={`prompt-status-${prompt}`}>
        {statusText}
      </span>
    </div>
  );
}
