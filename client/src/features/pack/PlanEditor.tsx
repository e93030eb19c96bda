import { useTranslation } from 'react-i18next';
import { useCardDocState, type CardDocConnection } from '../../sync/cardDocHooks';
import { DocSurface } from './DocSurface';
import { PlanToolbar } from './editor/PlanToolbar';
import { useCollabEditor } from './editor/useCollabEditor';

interface Props {
  conn: CardDocConnection;
  boardId: string;
  token: string;
  user: { name: string; color: string };
}

/** Delivery's implementation plan: rich text delivery writes and everyone else reads live. */
export function PlanEditor({ conn, boardId, token, user }: Props) {
  const { t } = useTranslation();
  const state = useCardDocState(conn);
  const editor = useCollabEditor({
    conn,
    editable: state.scope === 'read-write' && state.loaded,
    user,
    boardId,
    token,
    label: t('handoff.editor.planLabel'),
    testId: 'plan-editor',
  });
  return <DocSurface kind="plan" state={state} editor={editor} toolbar={editor ? <PlanToolbar editor={editor} /> : null} />;
}
