import type { Editor } from '@tiptap/react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PlusIcon } from '../../../ui/icons';
import { FormatButtons } from './FormatButtons';
import { PasteTranscriptDialog } from './PasteTranscriptDialog';
import { ToolbarButton, ToolbarDivider } from './ToolbarButton';
import { useScreenshotUpload } from './useScreenshotUpload';

interface Props {
  editor: Editor;
  boardId: string;
  cardId: string;
  token: string;
  /** Why the user may not upload files to the deal (the server allows its editors only); null when they may. */
  uploadRefusal: string | null;
}

/** The pack's toolbar: formatting, and the template's building blocks. */
export function PackToolbar({ editor, boardId, cardId, token, uploadRefusal }: Props) {
  const { t } = useTranslation();
  const fileInput = useRef<HTMLInputElement>(null);
  const [transcript, setTranscript] = useState(false);
  const screenshots = useScreenshotUpload(editor, { boardId, cardId, token });
  return (
    <div className="doc-toolbar-wrap">
      <div className="doc-toolbar" role="toolbar" aria-label={t('handoff.toolbar.label')} data-testid="pack-toolbar">
        <FormatButtons editor={editor} />
        <ToolbarDivider />
        <ToolbarButton wide label={t('handoff.toolbar.requirement')} title={t('handoff.toolbar.requirementTitle')} testId="add-requirement" onClick={() => editor.chain().focus().addRequirement().run()}>
          <PlusIcon />
          {t('handoff.toolbar.requirement')}
        </ToolbarButton>
        <ToolbarButton wide label={t('handoff.toolbar.decision')} title={t('handoff.toolbar.decisionTitle')} testId="add-decision" onClick={() => editor.chain().focus().addDecisionRow().run()}>
          <PlusIcon />
          {t('handoff.toolbar.decision')}
        </ToolbarButton>
        <ToolbarButton
          wide
          label={t('handoff.toolbar.screenshot')}
          title={uploadRefusal ?? t('handoff.toolbar.screenshotTitle')}
          disabled={uploadRefusal !== null || screenshots.uploading}
          testId="add-screenshot"
          onClick={() => {
            screenshots.choose();
            fileInput.current?.click();
          }}
        >
          <PlusIcon />
          {screenshots.uploading ? t('handoff.toolbar.uploading') : t('handoff.toolbar.screenshot')}
        </ToolbarButton>
        <ToolbarButton wide label={t('handoff.toolbar.transcript')} title={t('handoff.toolbar.transcriptTitle')} testId="paste-transcript" onClick={() => setTranscript(true)}>
          {t('handoff.toolbar.transcript')}
        </ToolbarButton>
        <input
          ref={fileInput}
          type="file"
          accept="image/png,image/jpeg,image/gif,image/webp"
          hidden
          data-testid="screenshot-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void screenshots.upload(file);
          }}
        />
      </div>
      {screenshots.error ? (
        <p className="doc-toolbar-error" role="alert">
          {screenshots.error}
          <button type="button" className="icon-btn" aria-label={t('toast.dismiss')} onClick={screenshots.clearError}>
            ×
          </button>
        </p>
      ) : null}
      {transcript ? <PasteTranscriptDialog editor={editor} onClose={() => setTranscript(false)} /> : null}
    </div>
  );
}
