import type { LocalizedLabel } from './stages';

/** Kinds an attachment can be tagged with; stage gates refer to these ids. */
export const ATTACHMENT_KINDS: Readonly<Record<string, LocalizedLabel>> = {
  pain_points: { en: 'Customer pain-point list', zh: '客户痛点清单' },
  competitor_comparison: { en: 'Competitor comparison', zh: '竞品对比' },
  transcript: { en: 'Call transcript', zh: '通话记录' },
  screenshot: { en: 'Screenshot', zh: '截图' },
  meeting_notes: { en: 'Meeting notes', zh: '会议纪要' },
  contract: { en: 'Contract', zh: '合同' },
  other: { en: 'Other', zh: '其他' },
};

export const ATTACHMENT_KIND_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

/** What the board document keeps about each attachment of a card (the bytes live in the store). */
export interface AttachmentRef {
  id: string;
  kind: string;
  name: string;
  contentType: string;
  size: number;
  uploadedBy: string;
  at: number;
}

/** Files people may upload, and the biggest size accepted. */
export const ATTACHMENT_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  contentTypes: [
    'application/pdf',
    'image/png',
    'image/jpeg',
    'image/gif',
    'image/webp',
    'text/plain',
    'text/csv',
    'text/markdown',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    'application/msword',
    'application/vnd.ms-excel',
  ],
} as const;

export const attachmentKindLabel = (kind: string): LocalizedLabel => ATTACHMENT_KINDS[kind] ?? { en: kind, zh: kind };
