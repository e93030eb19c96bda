import type { Card } from '@baton/shared-types';
import type { Editor } from '@tiptap/react';
import { useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, packPath, type PackTab } from '../../lib/router';
import { useCardDocState } from '../../sync/cardDocHooks';
import { useTrackedCommands } from '../../sync/useTrackedCommands';
import { refusalText } from '../board/permissions';
import type { BoardBasics } from '../board/useBoardBasics';
import { showRequirement } from './editor/requirementLights';
import { HandoffStatus } from './HandoffStatus';
import type { Handoff } from './handoffSteps';
import { PackEditor } from './PackEditor';
import { PlanEditor } from './PlanEditor';
import { PlanPanel } from './PlanPanel';
import { RequirementsPanel } from './RequirementsPanel';
import type { PackDocs } from './usePackDocs';

interface Props {
  card: Card;
  handoff: Handoff;
  basics: BoardBasics;
  docs: PackDocs;
  tab: PackTab;
}

/** The pack and the plan side by side with their panels: requirements and review, or posting the plan. */
export function PackWorkspace({ card, handoff, basics, docs, tab }: Props) {
  const { t } = useTranslation();
  const commands = useTrackedCommands();
  const packEditor = useRef<Editor | null>(null);
  const onEditor = useCallback((editor: Editor | null) => {
    packEditor.current = editor;
  }, []);
  const packState = useCardDocState(docs.pack);
  const planState = useCardDocState(docs.plan);
  const user = useMemo(
    () => ({ id: basics.me.id, name: basics.me.displayName, color: basics.myColor, role: basics.role ?? '' }),
    [basics.me.id, basics.me.displayName, basics.myColor, basics.role],
  );
  const tabs: Array<{ id: PackTab; label: string }> = [
    { id: 'pack', label: t('handoff.tabs.pack') },
    { id: 'plan', label: t('handoff.tabs.plan') },
  ];

  return (
    <div className="pack-layout">
      <div className="pack-main">
        <div className="tabs pack-tabs" role="tablist" aria-label={t('handoff.tabs.label')}>
          {tabs.map(({ id, label }) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={tab === id}
              className={tab === id ? 'tab is-active' : 'tab'}
              data-testid={`pack-tab-${id}`}
              onClick={() => navigate(packPath(basics.boardId, card.id, id))}
            >
              {label}
            </button>
          ))}
        </div>
        <div role="tabpanel" className="pack-panel">
          {tab === 'pack' ? (
            <PackEditor
              conn={docs.pack}
              lights={docs.lights}
              boardId={basics.boardId}
              cardId={card.id}
              token={basics.token}
              user={user}
              uploadRefusal={refusalText(basics.actor, 'edit', card, t) === null ? null : t('handoff.toolbar.screenshotNotAllowed')}
              onEditor={onEditor}
            />
          ) : (
            <PlanEditor conn={docs.plan} boardId={basics.boardId} token={basics.token} user={user} />
          )}
        </div>
      </div>
      <aside className="pack-side" aria-label={tab === 'pack' ? t('handoff.requirements.title') : t('handoff.plan.title')}>
        {tab === 'pack' ? (
          <>
            <HandoffStatus
              card={card}
              handoff={handoff}
              actor={basics.actor}
              locale={basics.locale}
              requirementCount={docs.requirements.length}
              redCount={docs.counts.red}
              saving={packState.unsynced > 0}
              status={commands.status.submitPack}
              onSubmit={() => void commands.send('submitPack', 'submit', { type: 'submitPack', cardId: card.id })}
            />
            <RequirementsPanel
              requirements={docs.requirements}
              lights={docs.lights}
              counts={docs.counts}
              review={docs.review}
              onShow={(reqId) => {
                if (packEditor.current) showRequirement(packEditor.current, reqId);
              }}
            />
          </>
        ) : (
          <PlanPanel
            card={card}
            handoff={handoff}
            basics={basics}
            missing={docs.missingSections}
            saving={planState.unsynced > 0}
            status={commands.status.postPlan}
            onPost={() => void commands.send('postPlan', 'post', { type: 'postPlan', cardId: card.id })}
          />
        )}
      </aside>
    </div>
  );
}
