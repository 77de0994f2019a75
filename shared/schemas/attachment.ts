import * as z from 'zod';
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
export const fileSizeInWords = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
export const ZAttachmentType = deferred(() => z.enum(Object.keys(ATTACHMENT_TYPES) as [TAttachmentType, ...TAttachmentType[]]));

export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
export const MAX_ATTACHMENTS = 20;

export const ZSha256Hex = deferred(() => z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits'));

/** Why stored bytes were refused: each is said to the uploader in words (`ATTACHMENT_REFUSALS`). */
export const ZAttachmentRefusal = deferred(() => z.enum(['empty', 'too_large', 'size_mismatch', 'hash_mismatch', 'type_mismatch', 'unsupported_type', 'encrypted_pdf', 'not_uploaded']));
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
  z
    .object({
      id: z.string(),
      name: z.string(),
      contentType: ZAttachmentType,
      size: z.int(),
      sha256: z.string(),
      status: z.enum(['pending', 'available', 'refused']).meta({ description: 'pending until the bytes arrive and are checked; refused says why in `refusal`' }),
      refusal: ZAttachmentRefusal.nullable().default(null),
      signedCopy: z.boolean().default(false).meta({ description: 'The copy signed outside Accord of an imported agreement: its SHA-256 is the document hash' }),
      addedBy: z.string(),
      addedAt: z.string(),
      uploadExpiresAt: z.string().nullable().default(null).meta({ description: 'While pending: when its upload URL stops working (ask for a new one after)' }),
      /** Where the bytes are: a later version made from this one points at the same object. */
      objectKey: z.string(),
    })
    .meta({ id: 'Attachment' }),
);
export type TAttachment = z.infer<typeof ZAttachment>;

export const ZAddAttachmentRequest = deferred(() =>
  z
    .strictObject({
      name: plainLine(200).pipe(z.string().trim().min(1, 'give the file a name')).meta({ example: 'Schedule 2 - Data sharing agreement.pdf' }),
      contentType: ZAttachmentType,
      size: z.int().min(1, 'the file is empty').max(MAX_ATTACHMENT_BYTES, 'at most 25 MB'),
      sha256: ZSha256Hex,
    })
    .meta({ id: 'AddAttachmentRequest', description: 'Declares a file; its bytes go straight to storage through the upload URL' }),
);
export type TAddAttachmentRequest = z.infer<typeof ZAddAttachmentRequest>;

export const ZAttachmentUpload = deferred(() =>
  z
    .object({
      attachmentId: z.string(),
      uploadUrl: z.url(),
      uploadMethod: z.literal('PUT'),
      uploadHeaders: z.record(z.string(), z.string()).meta({ description: 'Send these headers with the PUT, exactly' }),
      expiresAt: z.string(),
    })
    .meta({ id: 'AttachmentUpload' }),
);

export const ZAttachmentDownload = deferred(() => z.object({ url: z.url(), expiresAt: z.string() }).meta({ id: 'AttachmentDownload' }));

export const ZAttachmentParams = deferred(() => z.object({ id: ZUlid, attachmentId: ZUlid }));

/** The sealed PDF of a version in force. */
export const ZExecutedCopy = deferred(() =>
  z
    .object({ sha256: z.string(), size: z.int(), sealedAt: z.string(), objectKey: z.string() })
    .meta({ id: 'ExecutedCopy' }),
);
export type TExecutedCopy = z.infer<typeof ZExecutedCopy>;
