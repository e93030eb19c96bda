import { LIGHT_COLORS, type Light, type LightColor, type PackRequirement } from '@baton/shared-types/ydoc';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  requirement: PackRequirement;
  light: Light | undefined;
  /** The user may set colours (product, over a read-write review connection). */
  canColor: boolean;
  onColor(color: LightColor): void;
  onNote(note: string): void;
  onShow(): void;
}

/** One requirement in the side panel: its colour and note; product sets them here. */
export function RequirementRow({ requirement, light, canColor, onColor, onNote, onShow }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  const color = light?.color ?? null;
  const note = light?.note ?? '';
  const text = requirement.text || t('handoff.requirements.untitled');
  return (
    <li className={`req-row light-${color ?? 'unset'}`} data-testid={`req-row-${requirement.reqId}`} data-light={color ?? 'unset'}>
      <div className="req-row-head">
        <span className="req-row-dot" aria-hidden="true" />
        <button type="button" className="req-row-text" title={t('handoff.requirements.show')} onClick={onShow} data-testid="req-show">
          {text}
        </button>
      </div>
      <div className="req-row-state">
        {canColor ? (
          <div className="light-picker" role="group" aria-label={t('handoff.requirements.colorFor', { text })}>
            {LIGHT_COLORS.map((c) => (
              <button
                key={c}
                type="button"
                className={`light-btn is-${c}`}
                aria-pressed={color === c}
                title={t(`handoff.lights.${c}`)}
                data-testid={`set-${c}`}
                onClick={() => onColor(c)}
              >
                <span className="light-dot" aria-hidden="true" />
                {t(`handoff.lights.short.${c}`)}
              </button>
            ))}
          </div>
        ) : (
          <span className={`light-chip is-${color ?? 'unset'}`} data-testid="req-light">
            <span className="light-dot" aria-hidden="true" />
            {t(`handoff.lights.${color ?? 'unset'}`)}
          </span>
        )}
      </div>
      {canColor ? (
        <textarea
          className="input req-note-input"
          rows={2}
          value={draft ?? note}
          placeholder={t('handoff.requirements.notePlaceholder')}
          aria-label={t('handoff.requirements.noteFor', { text })}
          data-testid="req-note"
          onFocus={() => setDraft(note)}
          onBlur={() => setDraft(null)}
          onChange={(e) => {
            setDraft(e.target.value);
            onNote(e.target.value);
          }}
        />
      ) : note ? (
        <p className="req-note">{note}</p>
      ) : null}
    </li>
  );
}
