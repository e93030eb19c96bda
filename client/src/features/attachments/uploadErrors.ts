import { ATTACHMENT_LIMITS } from '@baton/shared-types';
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/http';
import type { UploadProblem } from '../../api/attachments';

const MB = 1024 * 1024;

/** Why a file was not uploaded, in words (checked before sending, or the server's answer). */
export function uploadErrorText(problem: UploadProblem | unknown, name: string, t: TFunction): string {
  const max = ATTACHMENT_LIMITS.maxBytes / MB;
  if (problem && typeof problem === 'object' && 'kind' in problem) {
    const p = problem as UploadProblem;
    if (p.kind === 'too_large') return t('files.errors.tooLarge', { name, max });
    if (p.kind === 'empty') return t('files.errors.empty', { name });
    return t('files.errors.type', { name });
  }
  if (problem instanceof ApiError) {
    if (problem.status === 413 || problem.reason === 'too_large') return t('files.errors.tooLarge', { name, max });
    if (problem.status === 415) return t('files.errors.type', { name });
    if (problem.status === 403) return t('files.errors.forbidden', { message: problem.message });
    if (problem.reason === 'network') return t('files.errors.network', { name });
    return t('files.errors.other', { name, message: problem.message });
  }
  return t('files.errors.other', { name, message: String(problem) });
}

/** "12 KB", "3.4 MB" in the UI locale. */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
