import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { currentLanguage, setLanguage, type Language } from './index';

/** EN / 中文 switch; the choice is remembered on this device. */
export function LanguageControl() {
  const { t, i18n } = useTranslation();
  return (
    <LanguageSwitch<Language>
      value={currentLanguage(i18n.language)}
      label={t('lang.label')}
      options={[
        { value: 'en', label: 'EN' },
        { value: 'zh', label: '中文' },
      ]}
      onChange={setLanguage}
    />
  );
}
