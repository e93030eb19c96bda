import { useTranslation } from 'react-i18next';
import type { WipState } from '../board/moveRules';

interface Props {
  wip: WipState;
  stage: string;
  override: boolean;
  onOverride(value: boolean): void;
}

/** "Quote is full: 5 of 5", and for a manager the choice to override the limit (with a reason). */
export function WipNotice({ wip, stage, override, onOverride }: Props) {
  const { t } = useTranslation();
  return (
    <div className="wip-notice" data-testid="wip-notice" role="status">
      <p className="wip-title">{t('gate.wipFull', { stage, count: wip.count, limit: wip.limit })}</p>
      {wip.canOverride ? (
        <label className="check-row">
          <input type="checkbox" checked={override} data-testid="wip-override" onChange={(e) => onOverride(e.target.checked)} />
          <span>
            {t('gate.override')}
            <span className="check-hint">{t('gate.overrideHint')}</span>
          </span>
        </label>
      ) : (
        <p className="wip-hint">{t('gate.wipWait')}</p>
      )}
    </div>
  );
}
