import { STANDUP_PROMPTS, type Card } from '@baton/shared-types';
import { useTranslation } from 'react-i18next';
import { useBoard } from '../board/BoardContext';
import { dateFormat } from '../../lib/dateFormat';

/** What was said about the deal at standup, under the three prompts (live for everyone). */
export function CardStandupNotes({ card }: { card: Card }) {
  const { t } = useTranslation();
  const board = useBoard();
  const notes = card.standupNotes;
  if (!notes || STANDUP_PROMPTS.every((p) => !notes[p])) return null;
  const time = dateFormat(board.locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="drawer-notes" aria-labelledby="drawer-notes-title" data-testid="drawer-standup-notes">
      <div className="drawer-notes-head">
        <h3 id="drawer-notes-title">{t('standup.notesTitle')}</h3>
        <span className="muted">{t('standup.notesBy', { name: board.members.get(notes.by)?.displayName ?? notes.by, time: time.format(notes.updatedAt) })}</span>
      </div>
      <dl>
        {STANDUP_PROMPTS.map((prompt) => (
          <div key={prompt} data-prompt={prompt}>
            <dt>{t(`standup.prompts.${prompt}`)}</dt>
            <dd data-testid={`drawer-note-${prompt}`}>{notes[prompt] || t('standup.notesEmpty')}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
