import type { Editor } from '@tiptap/react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../ui/Dialog';
import { Field } from '../../../ui/Field';
import { insertBlocks, insertTarget } from './insertBlocks';
import { PACK_SECTIONS, sectionRange, transcriptLines } from './placement';

/** "Paste transcript": the customer's own words as paragraphs, under their section or at the cursor. */
export function PasteTranscriptDialog({ editor, onClose }: { editor: Editor; onClose(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const hasSection = sectionRange(editor.state.doc, PACK_SECTIONS.words) !== null;
  // Opened from the toolbar while typing in the pack: the cursor is a real choice.
  const [hadCursor] = useState(() => insertTarget(editor) === 'cursor');
  const [where, setWhere] = useState<'section' | 'cursor'>(hasSection ? 'section' : 'cursor');
  const lines = transcriptLines(text);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const paragraph = editor.schema.nodes.paragraph;
    if (lines.length === 0 || !paragraph) return;
    const blocks = lines.map((line) => paragraph.create(null, editor.schema.text(line)));
    onClose();
    insertBlocks(editor, blocks, PACK_SECTIONS.words, where);
  };

  return (
    <Dialog open title={t('handoff.transcript.title')} description={t('handoff.transcript.description')} onClose={onClose} closeLabel={t('handoff.transcript.cancel')} testId="transcript-dialog">
      <form className="dialog-form" onSubmit={submit}>
        <div className="dialog-body">
          <Field label={t('handoff.transcript.label')}>
            {(a11y) => (
              <textarea
                {...a11y}
                className="input transcript-input"
                rows={10}
                value={text}
                autoFocus
                placeholder={t('handoff.transcript.placeholder')}
                data-testid="transcript-text"
                onChange={(e) => setText(e.target.value)}
              />
            )}
          </Field>
          <fieldset className="radio-group">
            <legend className="field-label">{t('handoff.transcript.where')}</legend>
            <label className="radio-row">
              <input type="radio" name={`${id}-where`} checked={where === 'section'} disabled={!hasSection} onChange={() => setWhere('section')} />
              {t('handoff.transcript.underWords')}
            </label>
            <label className="radio-row">
              <input type="radio" name={`${id}-where`} checked={where === 'cursor'} disabled={!hadCursor && hasSection} onChange={() => setWhere('cursor')} />
              {t('handoff.transcript.atCursor')}
            </label>
          </fieldset>
        </div>
        <footer className="dialog-footer">
          <button type="button" className="btn btn-ghost" onClick={onClose}>
            {t('handoff.transcript.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={lines.length === 0} data-testid="transcript-insert">
            {t('handoff.transcript.insert')}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
