import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { ToastStack, type ToastItem } from '../../ui/ToastStack';
import { dismissToast, useToasts } from './toasts';

export function Toasts() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const toasts = useToasts().map((toast): ToastItem => {
    const { render, action, ...rest } = toast;
    const item: ToastItem = render ? { ...rest, ...render(t, language) } : { ...rest, title: toast.title ?? '' };
    return action ? { ...item, action: { label: action.label(t), run: action.run } } : item;
  });
  return <ToastStack toasts={toasts} dismissLabel={t('toast.dismiss')} onDismiss={dismissToast} />;
}
