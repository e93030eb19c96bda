import { DOC_EDITORS, type DocKind } from '@baton/shared-types';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';

/** Shown instead of a toolbar when the server gave this user the document read-only: who can edit it. */
export function ReadOnlyNote({ kind, compact = false }: { kind: DocKind; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const editors = DOC_EDITORS[kind][currentLanguage(i18n.language)];
  return (
    <p className={`readonly-note ${compact ? 'is-compact' : ''}`} role="note" data-testid={`readonly-note-${kind}`}>
      <span className="readonly-badge">
        <LockGlyph />
        {t('handoff.readOnly.badge')}
      </span>
      <span>{compact ? editors : t('handoff.readOnly.note', { editors })}</span>
    </p>
  );
}

function LockGlyph() {
  return (
    <svg width="12" height="12" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M8 1a3.5 3.5 0 0 0-3.5 3.5V6H4a1.5 1.5 0 0 0-1.5 1.5v6A1.5 1.5 0 0 0 4 15h8a1.5 1.5 0 0 0 1.5-1.5v-6A1.5 1.5 0 0 0 12 6h-.5V4.5A3.5 3.5 0 0 0 8 1Zm2 5H6V4.5a2 2 0 1 1 4 0V6Z"
      />
    </svg>
  );
}
