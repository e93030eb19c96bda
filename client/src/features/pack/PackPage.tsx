import type { Card } from '@baton/shared-types';
import { useTranslation } from 'react-i18next';
import { boardPath, followLink, type PackTab } from '../../lib/router';
import { useBoardView } from '../../sync/hooks';
import { useTrackedCommands } from '../../sync/useTrackedCommands';
import { Spinner } from '../../ui/Spinner';
import { SubpageHeader } from '../board/SubpageHeader';
import { useBoardBasics, type BoardBasics } from '../board/useBoardBasics';
import { DealBar } from './DealBar';
import { DocPresence } from './DocPresence';
import type { Handoff } from './handoffSteps';
import { PackEmptyState } from './PackEmptyState';
import { PackWorkspace } from './PackWorkspace';
import { usePackDocs } from './usePackDocs';

/** /boards/:boardId/cards/:cardId/pack|plan: a deal's handoff pack, its requirements and delivery's plan. */
export function PackPage({ boardId, cardId, tab }: { boardId: string; cardId: string; tab: PackTab }) {
  const { t } = useTranslation();
  const basics = useBoardBasics(boardId);
  const view = useBoardView();
  const card = view.cards.get(cardId);
  const commands = useTrackedCommands();

  let body;
  if (!view.loaded) body = <Spinner label={t('board.loading')} />;
  else if (!card) {
    body = (
      <div className="pack-empty" role="alert">
        <p>{t('handoff.notFound')}</p>
        <a className="btn btn-primary" href={boardPath(boardId)} onClick={followLink}>
          {t('stages.backToBoard')}
        </a>
      </div>
    );
  } else if (!card.handoff) {
    body = (
      <>
        <DealBar card={card} basics={basics} counts={null} />
        <PackEmptyState card={card} basics={basics} status={commands.status.createPack} onCreate={() => void commands.send('createPack', 'create', { type: 'createPack', cardId: card.id })} />
      </>
    );
  }

  return (
    <div className="app-shell pack-page">
      {card?.handoff ? (
        <OpenPack card={card} handoff={card.handoff} basics={basics} tab={tab} synced={view.synced} />
      ) : (
        <>
          <SubpageHeader boardId={boardId} boardName={basics.boardName} title={t('handoff.title')} role={basics.role} color={basics.myColor} synced={view.synced} />
          <main className="pack-page-main">{body}</main>
        </>
      )}
    </div>
  );
}

/** A deal with a pack: its three documents stay open while the page shows. */
function OpenPack({ card, handoff, basics, tab, synced }: { card: Card; handoff: Handoff; basics: BoardBasics; tab: PackTab; synced: boolean }) {
  const { t } = useTranslation();
  const docs = usePackDocs(card.id, basics.token);
  return (
    <>
      <SubpageHeader
        boardId={basics.boardId}
        boardName={basics.boardName}
        title={tab === 'plan' ? t('handoff.tabs.plan') : t('handoff.title')}
        role={basics.role}
        color={basics.myColor}
        synced={synced}
        extra={<DocPresence conn={tab === 'pack' ? docs.pack : docs.plan} />}
      />
      <main className="pack-page-main">
        <DealBar card={card} basics={basics} counts={docs.counts} />
        <PackWorkspace card={card} handoff={handoff} basics={basics} docs={docs} tab={tab} />
      </main>
    </>
  );
}
