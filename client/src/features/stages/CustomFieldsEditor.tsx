import type { CustomFieldType } from '@baton/shared-types';
import { useTranslation } from 'react-i18next';
import { PlusIcon, TrashIcon } from '../../ui/icons';
import { fieldKeyOf, newUid, type CustomFieldDraft, type DraftErrors } from './stageDraft';

interface Props {
  value: readonly CustomFieldDraft[];
  errors: DraftErrors;
  shown: boolean;
  onChange(value: CustomFieldDraft[]): void;
}

const TYPES: readonly CustomFieldType[] = ['boolean', 'text', 'number'];

/** Fields this stage adds to cards: key (derived from the English label), labels and type. */
export function CustomFieldsEditor({ value, errors, shown, onChange }: Props) {
  const { t } = useTranslation();
  const update = (uid: string, patch: Partial<CustomFieldDraft>) => onChange(value.map((f) => (f.uid === uid ? { ...f, ...patch } : f)));
  return (
    <fieldset className="custom-fields-editor" data-testid="custom-fields-editor">
      <legend className="field-label">{t('stages.customFields')}</legend>
      <p className="field-hint">{t('stages.customFieldsHint')}</p>
      {value.length > 0 ? (
        <ul className="cf-list">
          {value.map((f, i) => {
            const error = shown ? errors[`field:${f.uid}`] : undefined;
            return (
              <li key={f.uid} className="cf-row" data-testid={`custom-field-${i}`}>
                <input
                  className="input"
                  lang="en"
                  aria-label={t('stages.cfLabelEn')}
                  placeholder={t('stages.cfLabelEn')}
                  maxLength={60}
                  value={f.en}
                  data-testid={`cf-en-${i}`}
                  onChange={(e) => update(f.uid, { en: e.target.value, ...(f.keyEdited ? {} : { key: fieldKeyOf(e.target.value) }) })}
                />
                <input className="input" lang="zh-CN" aria-label={t('stages.cfLabelZh')} placeholder={t('stages.cfLabelZh')} maxLength={60} value={f.zh} data-testid={`cf-zh-${i}`} onChange={(e) => update(f.uid, { zh: e.target.value })} />
                <select className="input" aria-label={t('stages.cfType')} value={f.type} data-testid={`cf-type-${i}`} onChange={(e) => update(f.uid, { type: e.target.value as CustomFieldType })}>
                  {TYPES.map((type) => (
                    <option key={type} value={type}>
                      {t(`stages.types.${type}`)}
                    </option>
                  ))}
                </select>
                <button type="button" className="icon-btn icon-btn-sm" aria-label={t('stages.cfRemove', { name: f.en || f.key || i + 1 })} onClick={() => onChange(value.filter((x) => x.uid !== f.uid))}>
                  <TrashIcon />
                </button>
                <label className="cf-key">
                  <span>{t('stages.cfKey')}</span>
                  <input className="input input-mono input-sm" maxLength={40} value={f.key} data-testid={`cf-key-${i}`} onChange={(e) => update(f.uid, { key: e.target.value, keyEdited: true })} />
                </label>
                {error ? <p className="field-error cf-error">{t(`stages.errors.${error}`)}</p> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      <button type="button" className="btn btn-ghost btn-sm" data-testid="cf-add" onClick={() => onChange([...value, { uid: newUid(), key: '', keyEdited: false, en: '', zh: '', type: 'boolean' }])}>
        <PlusIcon />
        {t('stages.cfAdd')}
      </button>
    </fieldset>
  );
}
