import { describe, expect, it } from 'vitest';
import { attachmentRuleErrors } from '../../../shared/domain/agreement/attachments';
import type { TAgreement } from '../../../shared/schemas/agreement';
import type { TAttachment } from '../../../shared/schemas/attachment';

const file = (overrides: Partial<TAttachment>): TAttachment => ({
  id: '01JD0000000000000000000001',
  name: 'Schedule 1.pdf',
  contentType: 'application/pdf',
  size: 10,
  sha256: 'a'.repeat(64),
  status: 'available',
  refusal: null,
  signedCopy: false,
  addedBy: 'legal@fire.test',
  addedAt: '2026-12-02T09:00:00.000Z',
  uploadExpiresAt: null,
  objectKey: 'attachments/x/y',
  ...overrides,
});
const withFiles = (attachments: TAttachment[]) => ({ attachments }) as TAgreement;

describe('the files a draft goes for signature with', () => {
  it('holds it back for each file not stored, saying whether to wait, upload again or delete', () => {
    const now = new Date('2026-12-02T09:20:00.000Z');
    const errors = attachmentRuleErrors(
      withFiles([
        file({}),
        file({ name: 'Arriving.pdf', status: 'pending', uploadExpiresAt: '2026-12-02T09:30:00.000Z' }),
        file({ name: 'Never sent.pdf', status: 'pending', uploadExpiresAt: '2026-12-02T09:15:00.000Z' }),
        file({ name: 'Locked.pdf', status: 'refused', refusal: 'encrypted_pdf' }),
      ]),
      now,
    );
    expect(errors).toEqual([
      { path: 'attachments.1', message: 'Arriving.pdf has not arrived or is still being checked' },
      { path: 'attachments.2', message: 'Never sent.pdf was not uploaded before its upload URL expired; ask for a new one or delete it' },
      { path: 'attachments.3', message: expect.stringContaining('Locked.pdf was refused (The PDF is encrypted') },
    ]);
    expect(attachmentRuleErrors(withFiles([file({})]), now)).toEqual([]);
  });
});
