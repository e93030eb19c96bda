import type { Card, StageConfig } from '@baton/shared-types';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n';
import { CustomFieldInput } from './CustomFieldInput';
import { draftOf, type CustomDraft } from './customFields';

interface Props {
  card: Card;
  stages: readonly StageConfig[];
  language: Language;
  drafts: Readonly<Record<string, CustomDraft>>;
  invalid: readonly string[];
  readOnly: boolean;
  onChange(key: string, value: CustomDraft): void;
}

/** "Stage fields": the fields stages add to cards (e.g. a Fast lane's "Accepts standard SOW"), by stage. */
export function StageFieldsSection({ card, stages, language, drafts, invalid, readOnly, onChange }: Props) {
  const { t } = useTranslation();
  const withFields = stages.filter((s) => !s.retired && s.customFields.length > 0);
  if (withFields.length === 0) return null;
  return (
    <section className="stage-fields" aria-labelledby="stage-fields-title" data-testid="stage-fields">
      <h3 id="stage-fields-title" className="section-title">
        {t('drawer.stageFields')}
      </h3>
      {withFields.map((stage) => (
        <div key={stage.id} className="stage-fields-group" style={{ ['--stage-color' as string]: stage.color }}>
          <div className="stage-fields-stage">{stage.label[language]}</div>
          <div className="form-grid">
            {stage.customFields.map((def) => (
              <div key={def.key} className={def.type === 'text' ? 'span-2' : ''}>
                <CustomFieldInput
                  def={def}
                  value={drafts[def.key] ?? draftOf(def, card.customFields[def.key])}
                  language={language}
                  disabled={readOnly}
                  error={invalid.includes(def.key) ? t('validation.number') : undefined}
                  testId={`custom-${def.key}`}
                  onChange={(value) => onChange(def.key, value)}
                />
              </div>
            ))}
          </div>
        </div>
      ))}
    </section>
  );
}
