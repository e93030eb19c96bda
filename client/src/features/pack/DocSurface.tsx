import type { DocKind } from '@baton/shared-types';
import { EditorContent, type Editor } from '@tiptap/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardDocState } from '../../sync/cardDocHooks';
import { useNetworkState } from '../../sync/hooks';
import { Spinner } from '../../ui/Spinner';
import { DocStatus } from './DocStatus';
import { ReadOnlyNote } from './ReadOnlyNote';

interface Props {
  kind: DocKind;
  state: CardDocState;
  editor: Editor | null;
  /** The toolbar, shown to writers once the document is in. */
  toolbar: ReactNode;
}

/**
 * The frame of a handoff document: toolbar (writers) or a read-only note saying who can edit
 * (readers), the text, and its save state. Read-only is visible, never a silent dead box.
 */
export function DocSurface({ kind, state, editor, toolbar }: Props) {
  const { t } = useTranslation();
  const net = useNetworkState();
  const readOnly = state.scope === 'readonly';
  // Shown from this device's offline copy at once, then live; without a copy, offline there is nothing to show.
  const ready = state.loaded && state.scope !== null;
  const unavailableOffline = !ready && !net.online && !state.authError;
  return (
    <section className={`doc-surface ${readOnly ? 'is-readonly' : ''}`} data-testid={`${kind}-surface`} data-scope={state.scope ?? 'pending'} aria-busy={!ready}>
      {state.authError ? (
        <p className="notice notice-warn" role="alert">
          {t('handoff.editor.refused', { reason: state.authError })}
        </p>
      ) : null}
      {readOnly ? <ReadOnlyNote kind={kind} /> : ready ? toolbar : null}
      <div className="doc-paper">
        {unavailableOffline ? (
          <p className="doc-loading muted" role="status" data-testid={`${kind}-offline`}>
            {t('offline.docNotCached')}
          </p>
        ) : !ready && !state.authError ? (
          <div className="doc-loading">
            <Spinner label={t('handoff.editor.connecting')} />
          </div>
        ) : null}
        <EditorContent editor={editor} className={ready ? 'doc-content' : 'doc-content is-hidden'} />
      </div>
      <footer className="doc-footer">
        <DocStatus state={state} />
      </footer>
    </section>
  );
}
