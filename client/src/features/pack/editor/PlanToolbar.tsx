import { PLAN_SECTIONS, type PlanSection } from '@baton/shared-types/ydoc';
import { useEditorState, type Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { PlusIcon } from '../../../ui/icons';
import { FormatButtons } from './FormatButtons';
import { ToolbarButton, ToolbarDivider } from './ToolbarButton';

/** The plan's section headings present in the document (the server reads text under them). */
function sectionsIn(editor: Editor): PlanSection[] {
  const found: PlanSection[] = [];
  editor.state.doc.forEach((node) => {
    const section = node.attrs.section as unknown;
    if (node.type.name === 'heading' && (PLAN_SECTIONS as readonly unknown[]).includes(section)) found.push(section as PlanSection);
  });
  return found;
}

/** The plan's toolbar: formatting, and a way back for a section heading someone deleted. */
export function PlanToolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const present = useEditorState({ editor, selector: ({ editor: e }) => sectionsIn(e).join(',') });
  const missing = PLAN_SECTIONS.filter((s) => !present.split(',').includes(s));
  const addSection = (section: PlanSection) => {
    const end = editor.state.doc.content.size;
    editor
      .chain()
      .focus()
      .insertContentAt(end, [
        { type: 'heading', attrs: { level: 2, section }, content: [{ type: 'text', text: t(`handoff.plan.sections.${section}`) }] },
        { type: 'paragraph' },
      ])
      .run();
  };
  return (
    <div className="doc-toolbar-wrap">
      <div className="doc-toolbar" role="toolbar" aria-label={t('handoff.toolbar.label')} data-testid="plan-toolbar">
        <FormatButtons editor={editor} />
        {missing.length > 0 ? <ToolbarDivider /> : null}
        {missing.map((section) => (
          <ToolbarButton key={section} wide label={t(`handoff.plan.sections.${section}`)} title={t('handoff.toolbar.sectionTitle')} onClick={() => addSection(section)}>
            <PlusIcon />
            {t(`handoff.plan.sections.${section}`)}
          </ToolbarButton>
        ))}
      </div>
    </div>
  );
}
