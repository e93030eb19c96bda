import { ATTACHMENT_LIMITS } from '@baton/shared-types';
import { describe, expect, it } from 'vitest';
import { ACCEPT_ATTRIBUTE, contentTypeOf, uploadProblem } from '../src/api/attachments';
import { formatBytes } from '../src/features/attachments/uploadErrors';

describe('file uploads', () => {
  it('accepts what the server accepts, naming a type from the file name when the browser gives none', () => {
    expect(contentTypeOf({ name: 'notes.md', type: '' })).toBe('text/markdown');
    expect(contentTypeOf({ name: 'deck.PPTX', type: 'application/octet-stream' })).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
    expect(contentTypeOf({ name: 'x.pdf', type: 'image/png' })).toBe('image/png');
    for (const type of ATTACHMENT_LIMITS.contentTypes) expect(ACCEPT_ATTRIBUTE).toContain(type);
  });

  it('refuses empty, oversized and unaccepted files before sending them', () => {
    expect(uploadProblem(new File([], 'empty.txt', { type: 'text/plain' }))).toEqual({ kind: 'empty' });
    expect(uploadProblem(new File(['MZ'], 'tool.exe', { type: 'application/x-msdownload' }))).toEqual({ kind: 'type', contentType: 'application/x-msdownload' });
    const big = new File([new Uint8Array(ATTACHMENT_LIMITS.maxBytes + 1)], 'big.pdf', { type: 'application/pdf' });
    expect(uploadProblem(big)).toEqual({ kind: 'too_large' });
    expect(uploadProblem(new File(['a,b'], 'list.csv', { type: 'text/csv' }))).toBeNull();
  });

  it('shows sizes in readable units', () => {
    expect(formatBytes(512, 'en-US')).toBe('512 B');
    expect(formatBytes(1536, 'en-US')).toBe('1.5 KB');
    expect(formatBytes(12 * 1024 * 1024, 'en-US')).toBe('12 MB');
  });
});
