import { useEditorState, type Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { ToolbarButton } from './ToolbarButton';

/** Headings, bullet list, bold, italic, undo and redo: the formatting both documents share. */
export function FormatButtons({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bullets: e.isActive('bulletList'),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  return (
    <>
      <ToolbarButton label={t('handoff.toolbar.heading')} active={state.h2} onClick={() => chain().toggleHeading({ level: 2 }).run()}>
        <span className="tb-glyph">H2</span>
      </ToolbarButton>
      <ToolbarButton label={t('handoff.toolbar.subheading')} active={state.h3} onClick={() => chain().toggleHeading({ level: 3 }).run()}>
        <span className="tb-glyph">H3</span>
      </ToolbarButton>
      <ToolbarButton label={t('handoff.toolbar.bullets')} active={state.bullets} onClick={() => chain().toggleBulletList().run()}>
        <span className="tb-glyph" aria-hidden="true">
          ••
        </span>
      </ToolbarButton>
      <ToolbarButton label={t('handoff.toolbar.bold')} active={state.bold} onClick={() => chain().toggleBold().run()}>
        <strong className="tb-glyph">B</strong>
      </ToolbarButton>
      <ToolbarButton label={t('handoff.toolbar.italic')} active={state.italic} onClick={() => chain().toggleItalic().run()}>
        <em className="tb-glyph">I</em>
      </ToolbarButton>
      <span className="tb-divider" aria-hidden="true" />
      <ToolbarButton label={t('handoff.toolbar.undo')} disabled={!state.canUndo} onClick={() => chain().undo().run()}>
        <span className="tb-glyph" aria-hidden="true">
          ↶
        </span>
      </ToolbarButton>
      <ToolbarButton label={t('handoff.toolbar.redo')} disabled={!state.canRedo} onClick={() => chain().redo().run()}>
        <span className="tb-glyph" aria-hidden="true">
          ↷
        </span>
      </ToolbarButton>
    </>
  );
}
