import type { Light } from '@baton/shared-types/ydoc';
import type { Editor } from '@tiptap/react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n';
import { ValueStore } from '../../lib/valueStore';
import { useCardDocState, type CardDocConnection } from '../../sync/cardDocHooks';
import { DocSurface } from './DocSurface';
import { PackToolbar } from './editor/PackToolbar';
import { refreshLights, RequirementLights } from './editor/requirementLights';
import { useCollabEditor } from './editor/useCollabEditor';

interface Props {
  conn: CardDocConnection;
  lights: ReadonlyMap<string, Light>;
  boardId: string;
  cardId: string;
  token: string;
  user: { name: string; color: string };
  uploadRefusal: string | null;
  /** Hands the editor to the page (the requirements panel scrolls it). */
  onEditor(editor: Editor | null): void;
}

const lightLabel = (color: Light['color']) => i18n.t(`handoff.lights.${color ?? 'unset'}`);

/** The handoff pack's text, co-edited live, with each requirement's traffic light from the review. */
export function PackEditor({ conn, lights, boardId, cardId, token, user, uploadRefusal, onEditor }: Props) {
  const { t, i18n: i18nInstance } = useTranslation();
  const state = useCardDocState(conn);
  // The decorations read the lights when they redraw; the editor itself is created once.
  const [current] = useState(() => new ValueStore(lights));
  const extra = useMemo(() => [RequirementLights.configure({ lights: current.get, label: lightLabel })], [current]);
  const editor = useCollabEditor({
    conn,
    editable: state.scope === 'read-write' && state.loaded,
    user,
    boardId,
    token,
    extra,
    label: t('handoff.editor.packLabel'),
    testId: 'pack-editor',
  });

  // New colours (or a new language for their labels) redraw the decorations; the text is untouched.
  useEffect(() => {
    current.set(lights);
    if (editor) refreshLights(editor);
  }, [editor, current, lights, i18nInstance.language]);


  useEffect(() => {
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, onEditor]);

  return (
    <DocSurface
      kind="pack"
      state={state}
      editor={editor}
      toolbar={editor ? <PackToolbar editor={editor} boardId={boardId} cardId={cardId} token={token} uploadRefusal={uploadRefusal} /> : null}
    />
  );
}
