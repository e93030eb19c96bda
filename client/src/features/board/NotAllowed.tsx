import { useTranslation } from 'react-i18next';
import { boardPath, followLink } from '../../lib/router';

interface Props {
  boardId: string;
  /** The explanation, already in words (it names the user's role). */
  message: string;
  testId: string;
}

/** A board subpage the user's role may not use: why, and the way back to the board. */
export function NotAllowed({ boardId, message, testId }: Props) {
  const { t } = useTranslation();
  return (
    <div className="not-allowed" role="alert" data-testid={testId}>
      <h2>{t('stages.notAllowedTitle')}</h2>
      <p>{message}</p>
      <a className="btn btn-primary" href={boardPath(boardId)} onClick={followLink}>
        {t('stages.backToBoard')}
      </a>
    </div>
  );
}
