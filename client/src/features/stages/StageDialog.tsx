import type { CommandInput, StageConfig, StageId } from '@baton/shared-types';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { Spinner } from '../../ui/Spinner';
import { CustomFieldsEditor } from './CustomFieldsEditor';
import { RequirementPicker } from './RequirementPicker';
import { changedSettings, draftFromStage, emptyDraft, settingsOf, validateDraft, type StageDraft } from './stageDraft';
import { StageSettingsFields } from './StageSettingsFields';
import { StageStatus } from './StageStatus';
import type { CommandStatus } from './useStageCommands';

export type StageEditing = { mode: 'add'; afterStageId: string } | { mode: 'edit'; stage: StageConfig };

interface Props {
  editing: StageEditing | null;
  stages: readonly StageConfig[];
  language: Language;
  status: Readonly<Record<string, CommandStatus>>;
  send(key: string, what: string, input: CommandInput): Promise<boolean>;
  onClose(): void;
}

/** Add a stage or change one: every save is one command; the dialog closes when the server accepts it. */
export function StageDialog({ editing, stages, language, status, send, onClose }: Props) {
  const { t } = useTranslation();
  if (!editing) return null;
  const title = editing.mode === 'add' ? t('stages.addTitle') : t('stages.editTitle', { stage: editing.stage.label[language] });
  return (
    <Dialog open title={title} description={t('stages.dialogDescription')} onClose={onClose} closeLabel={t('drawer.close')} className="dialog-stage" testId="stage-dialog">
      <StageForm editing={editing} stages={stages} language={language} status={status} send={send} onClose={onClose} />
    </Dialog>
  );
}

function StageForm({ editing, stages, language, status, send, onClose }: Props & { editing: StageEditing }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<StageDraft>(() => (editing.mode === 'add' ? emptyDraft(stages, editing.afterStageId) : draftFromStage(editing.stage)));
  const [shown, setShown] = useState(false);
  const [sentKey, setSentKey] = useState<string | null>(null);
  const editingId = editing.mode === 'edit' ? editing.stage.id : null;
  const errors = validateDraft(draft, stages, editingId);
  const sent = sentKey ? status[sentKey] : undefined;
  const busy = sent?.state === 'pending';
  const change = (patch: Partial<StageDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setShown(true);
    if (Object.keys(errors).length > 0 || busy) return;
    const settings = settingsOf(draft);
    let key: string;
    let input: CommandInput;
    if (editing.mode === 'add') {
      key = draft.id;
      input = { type: 'addStage', stage: { ...settings, id: draft.id as StageId }, ...(draft.afterStageId ? { afterStageId: draft.afterStageId } : {}) };
    } else {
      const changes = changedSettings(editing.stage, settings);
      if (Object.keys(changes).length === 0) return onClose();
      key = editing.stage.id;
      input = { type: 'updateStage', stageId: editing.stage.id, changes };
    }
    setSentKey(key);
    void send(key, editing.mode === 'add' ? 'added' : 'updated', input).then((accepted) => {
      if (accepted) onClose();
    });
  };

  return (
    <form className="dialog-form" onSubmit={submit} noValidate>
      <div className="dialog-body stage-form">
        <StageSettingsFields draft={draft} errors={errors} shown={shown} adding={editing.mode === 'add'} stages={stages} language={language} onChange={change} />
        <CustomFieldsEditor value={draft.customFields} errors={errors} shown={shown} onChange={(customFields) => change({ customFields })} />
        <RequirementPicker value={draft.requirements} customFields={draft.customFields} language={language} onChange={(requirements) => change({ requirements })} />
        {sent && sent.state === 'refused' ? <StageStatus status={sent} stage={draft.en} /> : null}
      </div>
      <footer className="dialog-footer">
        {busy ? <Spinner label={t('stages.status.pending', { what: t(`stages.what.${sent.what}`) })} /> : null}
        <button type="button" className="btn btn-ghost" onClick={onClose}>
          {t('create.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="stage-save">
          {editing.mode === 'add' ? t('stages.addSubmit') : t('stages.saveSubmit')}
        </button>
      </footer>
    </form>
  );
}
