import { canDoOnBoard, userColor, type StageConfig, type UserId } from '@baton/shared-types';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardInfo } from '../../api/types';
import { useApiQuery } from '../../api/useApiQuery';
import { currentLanguage } from '../../i18n';
import { useBoardView, useSessionState } from '../../sync/hooks';
import { PlusIcon } from '../../ui/icons';
import { Spinner } from '../../ui/Spinner';
import { NotAllowed } from '../board/NotAllowed';
import { useSession } from '../auth/AuthContext';
import { StageDialog, type StageEditing } from './StageDialog';
import { StageRow } from './StageRow';
import { StagesHeader } from './StagesHeader';
import { useStageCommands } from './useStageCommands';

/** /boards/:boardId/stages: ops and admins add, change, reorder and retire the board's stages. */
export function StagesPage({ boardId }: { boardId: string }) {
  const { t, i18n } = useTranslation();
  const { token, user } = useSession();
  const view = useBoardView();
  const sessionState = useSessionState();
  const info = useApiQuery<BoardInfo>(`/api/boards/${encodeURIComponent(boardId)}`, token);
  const role = info.data?.role ?? sessionState.role;
  const language = currentLanguage(i18n.language);
  const commands = useStageCommands();
  const [editing, setEditing] = useState<StageEditing | null>(null);
  const color = info.data?.members.find((m) => m.userId === user.id)?.color ?? userColor(user.id);
  const boardName = view.name || info.data?.board.name || boardId;
  const allowed = role ? canDoOnBoard({ userId: user.id as UserId, role }, 'configureStages').ok : null;

  // A reordered row is moved in the DOM, which drops focus: give it back to the same arrow button.
  const refocus = useRef<{ stageId: string; testId: string } | null>(null);
  useEffect(() => {
    const target = refocus.current;
    if (!target || commands.status[target.stageId]?.state === 'pending') return;
    refocus.current = null;
    const find = (testId: string) => document.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]:not(:disabled)`);
    // At the top (or bottom) the same arrow is disabled: the row's Edit button takes focus instead.
    (find(target.testId) ?? find(`stage-edit-${target.stageId}`))?.focus();
  }, [view.stages, commands.status]);

  const active = view.stages.filter((s) => !s.retired);
  const retired = view.stages.filter((s) => s.retired);
  const moveStage = (stage: StageConfig, neighbour: StageConfig | undefined, direction: 'up' | 'down') => {
    if (!neighbour) return;
    const testId = `stage-${direction}-${stage.id}`;
    if (document.activeElement?.getAttribute('data-testid') === testId) refocus.current = { stageId: stage.id, testId };
    const toIndex = view.stages.findIndex((s) => s.id === neighbour.id);
    void commands.send(stage.id, 'moved', { type: 'moveStage', stageId: stage.id, toIndex });
  };

  let body;
  if (allowed === null || !view.loaded) {
    body = <Spinner label={t('board.loading')} />;
  } else if (!allowed) {
    body = <NotAllowed boardId={boardId} testId="stages-not-allowed" message={t('stages.notAllowed', { role: role ? t(`roles.${role}`) : '' })} />;
  } else {
    body = (
      <div className="stages-inner">
        <div className="stages-intro">
          <div>
            <h2>{t('stages.heading')}</h2>
            <p className="muted">{t('stages.intro')}</p>
          </div>
          <button type="button" className="btn btn-primary" data-testid="add-stage" onClick={() => setEditing({ mode: 'add', afterStageId: active[active.length - 1]?.id ?? '' })}>
            <PlusIcon />
            {t('stages.add')}
          </button>
        </div>
        <ol className="stage-list" data-testid="stage-list">
          {active.map((stage, i) => (
            <StageRow
              key={stage.id}
              stage={stage}
              position={i + 1}
              count={view.columns.get(stage.id)?.length ?? 0}
              language={language}
              status={commands.status[stage.id]}
              canUp={i > 0}
              canDown={i < active.length - 1}
              onEdit={() => setEditing({ mode: 'edit', stage })}
              onUp={() => moveStage(stage, active[i - 1], 'up')}
              onDown={() => moveStage(stage, active[i + 1], 'down')}
              onRetire={() => void commands.send(stage.id, 'retired', { type: 'retireStage', stageId: stage.id })}
            />
          ))}
        </ol>
        {retired.length > 0 ? (
          <section className="retired-stages" aria-labelledby="retired-title">
            <h3 id="retired-title">{t('stages.retiredTitle')}</h3>
            <p className="muted">{t('stages.retiredHint')}</p>
            <ul>
              {retired.map((s) => (
                <li key={s.id} data-testid={`retired-${s.id}`}>
                  <span className="stage-swatch" style={{ ['--stage-color' as string]: s.color }} aria-hidden="true" />
                  {s.label[language]} <code>{s.id}</code>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    );
  }

  return (
    <div className="app-shell">
      <StagesHeader boardId={boardId} boardName={boardName} role={role} color={color} synced={view.synced} />
      <main className="stages-page">{body}</main>
      {editing ? (
        <StageDialog
          editing={editing}
          stages={view.stages}
          language={language}
          status={commands.status}
          send={commands.send}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}
