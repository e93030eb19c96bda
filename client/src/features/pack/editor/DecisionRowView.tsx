import { DECISION_ROLES } from '@baton/shared-types/ydoc';
import { NodeViewWrapper, useEditorState, type ReactNodeViewProps } from '@tiptap/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A text input that shows the document's value, except while the user is typing in it. */
function AttrInput({ value, label, placeholder, onChange, testId }: { value: string; label: string; placeholder: string; onChange(v: string): void; testId: string }) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      className="decision-input"
      value={draft ?? value}
      aria-label={label}
      placeholder={placeholder}
      data-testid={testId}
      onFocus={() => setDraft(value)}
      onBlur={() => setDraft(null)}
      onChange={(e) => {
        setDraft(e.target.value);
        onChange(e.target.value);
      }}
    />
  );
}

/** The decision chain row as a small form (role, name, title); plain text for read-only readers. */
export function DecisionRowView({ node, editor, updateAttributes, deleteNode, selected }: ReactNodeViewProps) {
  const { t } = useTranslation();
  const editable = useEditorState({ editor, selector: ({ editor: e }) => e.isEditable });
  const role = String(node.attrs.role ?? '');
  const name = String(node.attrs.name ?? '');
  const title = String(node.attrs.title ?? '');
  const roleLabel = t(`handoff.decision.roles.${role}`, { defaultValue: role });
  return (
    <NodeViewWrapper className={`decision-row ${selected ? 'is-selected' : ''}`} data-role={role} data-testid="decision-row">
      {editable ? (
        <>
          <select className="decision-role" value={role} aria-label={t('handoff.decision.role')} onChange={(e) => updateAttributes({ role: e.target.value })}>
            {DECISION_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`handoff.decision.roles.${r}`)}
              </option>
            ))}
          </select>
          <AttrInput value={name} label={t('handoff.decision.name')} placeholder={t('handoff.decision.namePlaceholder')} onChange={(v) => updateAttributes({ name: v })} testId="decision-name" />
          <AttrInput value={title} label={t('handoff.decision.title')} placeholder={t('handoff.decision.titlePlaceholder')} onChange={(v) => updateAttributes({ title: v })} testId="decision-title" />
          <button type="button" className="decision-remove" aria-label={t('handoff.decision.remove', { name: name || roleLabel })} title={t('handoff.decision.removeTitle')} onClick={deleteNode}>
            ×
          </button>
        </>
      ) : (
        <>
          <span className="decision-role is-static">{roleLabel}</span>
          <span className={name ? 'decision-name' : 'decision-name is-empty'}>{name || t('handoff.decision.noName')}</span>
          {title ? <span className="decision-title">{title}</span> : null}
        </>
      )}
    </NodeViewWrapper>
  );
}
