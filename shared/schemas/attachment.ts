import * as z from 'zod/mini';
import { documented } from './documented';
import { plainLine, ZUlid } from './common';
import { deferred } from './deferred';

/** Files a draft may carry, by the type their bytes show (never by the name or what the uploader says). */
export const ATTACHMENT_TYPES = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document (DOCX)',
  'application/vnd.oasis.opendocument.text': 'OpenDocument text (ODT)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel workbook (XLSX)',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
} as const;
export type TAttachmentType = keyof typeof ATTACHMENT_TYPES;

/** A file's size as a page shows it beside its type: "48 KB", "2.3 MB". */
export const fileSizeInWords = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const ZAttachmentType = deferred(() => z.enum(Object.keys(ATTACHMENT_TYPES) as [TAttachmentType, ...TAttachmentType[]]));

export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
export const MAX_ATTACHMENTS = 20;

export const ZSha256Hex = deferred(() => z.string().check(z.regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits')));

/** Why stored bytes were refused: each is said to the uploader in words (`ATTACHMENT_REFUSALS`). */
export const ZAttachmentRefusal = deferred(() =>
  z.enum(['empty', 'too_large', 'size_mismatch', 'hash_mismatch', 'type_mismatch', 'unsupported_type', 'encrypted_pdf', 'not_uploaded']),
);
export type TAttachmentRefusal = z.infer<typeof ZAttachmentRefusal>;
export const ATTACHMENT_REFUSALS: Record<TAttachmentRefusal, string> = {
  empty: 'The file is empty.',
  too_large: 'The file is larger than 25 MB.',
  size_mismatch: 'The file uploaded is not the size declared.',
  hash_mismatch: 'The file uploaded does not have the SHA-256 declared.',
  type_mismatch: 'The file’s contents are not of the type declared.',
  unsupported_type: 'The file’s contents are not a PDF, DOCX, ODT, XLSX, PNG or JPEG.',
  encrypted_pdf: 'The PDF is encrypted or password-protected: upload it without protection, so every party can read it.',
  not_uploaded: 'The file was not uploaded before its upload link expired.',
};

export const ZAttachment = deferred(() =>
  documented(
    z.object({
      id: z.string(),
      name: z.string(),
      contentType: ZAttachmentType,
      size: z.int(),
      sha256: z.string(),
      status: documented(z.enum(['pending', 'available', 'refused']), {
        description: 'pending until the bytes arrive and are checked; refused says why in `refusal`',
      }),
      refusal: z._default(z.nullable(ZAttachmentRefusal), null),
      signedCopy: documented(z._default(z.boolean(), false), {
        description: 'The copy signed outside Accord of an imported agreement: its SHA-256 is the document hash',
      }),
      addedBy: z.string(),
      addedAt: z.string(),
      uploadExpiresAt: documented(z._default(z.nullable(z.string()), null), {
        description: 'While pending: when its upload URL stops working (ask for a new one after)',
      }),
      /** Where the bytes are: a later version made from this one points at the same object. */
      objectKey: z.string(),
    }),
    { id: 'Attachment' },
  ),
);
export type TAttachment = z.infer<typeof ZAttachment>;

export const ZAddAttachmentRequest = deferred(() =>
  documented(
    z.strictObject({
      name: documented(z.pipe(plainLine(200), z.string().check(z.trim(), z.minLength(1, 'give the file a name'))), {
        example: 'Schedule 2 - Data sharing agreement.pdf',
      }),
      contentType: ZAttachmentType,
      size: z.int().check(z.gte(1, 'the file is empty'), z.lte(MAX_ATTACHMENT_BYTES, 'at most 25 MB')),
      sha256: ZSha256Hex,
    }),
    { id: 'AddAttachmentRequest', description: 'Declares a file; its bytes go straight to storage through the upload URL' },
  ),
);
export type TAddAttachmentRequest = z.infer<typeof ZAddAttachmentRequest>;

export const ZAttachmentUpload = deferred(() =>
  documented(
    z.object({
      attachmentId: z.string(),
      uploadUrl: z.url(),
      uploadMethod: z.literal('PUT'),
      uploadHeaders: documented(z.record(z.string(), z.string()), { description: 'Send these headers with the PUT, exactly' }),
      expiresAt: z.string(),
    }),
    { id: 'AttachmentUpload' },
  ),
);

export const ZAttachmentDownload = deferred(() => documented(z.object({ url: z.url(), expiresAt: z.string() }), { id: 'AttachmentDownload' }));

export const ZAttachmentParams = deferred(() => z.object({ id: ZUlid, attachmentId: ZUlid }));

/** The sealed PDF of a version in force. */
export const ZExecutedCopy = deferred(() =>
  documented(z.object({ sha256: z.string(), size: z.int(), sealedAt: z.string(), objectKey: z.string() }), { id: 'ExecutedCopy' }),
);
export type TExecutedCopy = z.infer<typeof ZExecutedCopy>;
