import type { Card } from '@baton/shared-types';
import { useCallback, useMemo, useRef, useState } from 'react';
import { MoveIcon } from '../../ui/icons';
import { Menu, type MenuItem } from '../../ui/Menu';
import { useBoard } from './BoardContext';
import { menuTarget, type MoveTarget } from './dropPosition';
import { moveHint } from './moveHints';

/** The per-card "Move to…" button and menu: works for cards scrolled out of view and without a mouse. */
export function MoveMenu({ card, refusal }: { card: Card; refusal: string | null }) {
  const board = useBoard();
  const { t } = board;
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const open = anchor !== null;

  const close = useCallback((returnFocus: boolean) => {
    setAnchor(null);
    if (returnFocus && buttonRef.current?.isConnected) buttonRef.current.focus();
  }, []);

  const items = useMemo((): MenuItem[] => {
    if (!open) return [];
    const columns = board.columnIds();
    const ids = columns[card.stage] ?? [];
    const index = ids.indexOf(card.id);
    const go = (target: MoveTarget | null) => () => {
      if (target) board.moveCard(card, target);
    };
    const disabled = refusal !== null;
    const up = menuTarget(columns, card.id, 'up');
    const down = menuTarget(columns, card.id, 'down');
    return [
      { key: 'up', label: t('move.up'), disabled: disabled || index <= 0 || !up, onSelect: go(up) },
      { key: 'down', label: t('move.down'), disabled: disabled || index < 0 || index >= ids.length - 1 || !down, onSelect: go(down) },
      ...board.stages.map((stage, i) => {
        const current = stage.id === card.stage;
        const target = current ? null : menuTarget(columns, card.id, { toStage: stage.id });
        const gate = current || disabled ? null : moveHint(board.moveVerdict(card, stage.id), stage.id, t, board.language, board.stageLabel);
        const hint = current ? t('move.current') : gate?.text;
        return {
          key: `stage-${stage.id}`,
          label: t('move.toColumn', { stage: board.stageLabel(stage.id) }),
          accent: stage.color,
          disabled: disabled || current || gate?.tone === 'blocked',
          separatorBefore: i === 0,
          ...(hint ? { hint } : {}),
          onSelect: go(target),
        };
      }),
    ];
  }, [open, board, card, refusal, t]);

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="card-move-btn"
        data-testid={`move-menu-${card.id}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t('move.buttonLabel', { title: card.title })}
        title={refusal ? t('card.cannotMove', { reason: refusal }) : t('move.button')}
        onClick={(e) => {
          e.stopPropagation();
          setAnchor(open ? null : e.currentTarget);
        }}
        onKeyDown={(e) => e.stopPropagation()}
      >
        <MoveIcon />
      </button>
      {anchor ? (
        <Menu
          anchor={anchor}
          label={t('move.title')}
          items={items}
          onClose={close}
          testId={`move-menu-list-${card.id}`}
          notice={
            refusal ? (
              <span className="menu-refusal" data-testid="move-refusal">
                <strong>{t('move.notAllowed')}</strong>
                <br />
                {refusal}
              </span>
            ) : null
          }
        />
      ) : null}
    </>
  );
}
