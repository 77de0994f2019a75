import { addAttachment, DOWNLOAD_WINDOW_SECONDS, openableAttachment, removeAttachment, UPLOAD_WINDOW_SECONDS } from '../../../shared/domain/agreement/attachments';
import { readExecutedCopy } from '../../../shared/domain/agreement/executed-copy';
import { sha256Hex } from '../../../shared/domain/audit/audit-chain';
import { friendlyMessage, isAppError, type TFieldError } from '../../../shared/errors';
import { getAgreement } from '../../../shared/domain/agreement/read-agreements';
import { logger } from '../../../shared/observability';
import { ATTACHMENT_TYPES, ZAddAttachmentRequest, type TAttachmentType } from '../../../shared/schemas/attachment';
import { agreements, files, newId } from '../dependencies';
import { attempt, errorsForForm, ifMatchOf, type TPostedFile } from '../form';
import { renderAgreement } from './agreement';
import { doneQuery } from '../notices';
import type { TPage, TPageResult } from '../page-route';

const TYPE_BY_EXTENSION: Record<string, TAttachmentType> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};

/** The type a file declares: what the browser says when Accord takes it, else what its name says. The documents function checks the bytes. */
const declaredTypeOf = (file: Pick<TPostedFile, 'name' | 'type'>): TAttachmentType | null =>
  Object.hasOwn(ATTACHMENT_TYPES, file.type) ? (file.type as TAttachmentType) : (TYPE_BY_EXTENSION[file.name.split('.').pop()?.toLowerCase() ?? ''] ?? null);

/** The file form's fields as the error summary names them; the size and type a file declares are the file's own. */
const FILE_FIELDS: Record<string, string> = { name: 'Name to show', file: 'The file' };

const backTo = (base: string, agreementId: string, notice: 'file-added' | 'file-removed'): TPageResult => ({ redirect: `${base}/agreements/${agreementId}${doneQuery(notice)}#files` });

/**
 * A draft's files from the agreement page: added through the form, opened, taken off; and the
 * executed copy. A file larger than a form post carries goes, with JavaScript, straight to the
 * documents bucket through an upload URL, as the API's clients send theirs.
 */
export const filePages: TPage[] = [
  {
    method: 'POST',
    path: '/agreements/{id}/files/upload-url',
    role: 'editor',
    handle: async ({ params, user, layout, form }) => {
      const contentType = declaredTypeOf({ name: form.name ?? '', type: form.type ?? '' });
      if (!contentType) return { status: 400, json: { error: 'The file: must be a PDF, DOCX, ODT, XLSX, PNG or JPEG' } };
      const parsed = ZAddAttachmentRequest.safeParse({ name: form.displayName?.trim() || form.name, contentType, size: Number(form.size), sha256: form.sha256 });
      if (!parsed.success) return { status: 400, json: { error: `The file: ${friendlyMessage(parsed.error.issues[0]!.message)}` } };
      try {
        const { attachment } = await addAttachment({ id: params.id!, request: parsed.data, user, ifMatch: ifMatchOf(form.revision), now: new Date(), newId, agreements });
        const upload = await files.uploadUrl({ key: attachment.objectKey, contentType, size: attachment.size, sha256: attachment.sha256 }, UPLOAD_WINDOW_SECONDS);
        return { json: { uploadUrl: upload.url, uploadHeaders: upload.headers, next: `${layout.base}/agreements/${params.id!}${doneQuery('file-added')}#files` } };
      } catch (error) {
        if (isAppError(error) && error.status < 500) return { status: error.status, json: { error: error.message } };
        throw error;
      }
    },
  },
  {
    method: 'POST',
    path: '/agreements/{id}/files',
    role: 'editor',
    handle: async ({ params, user, layout, form, files: posted }) => {
      const file = posted.file;
      const contentType = file && declaredTypeOf(file);
      const request = file && contentType && { name: form.name?.trim() || file.name, contentType, size: file.bytes.length, sha256: sha256Hex(file.bytes) };
      const parsed = request ? ZAddAttachmentRequest.safeParse(request) : null;
      const refusal: TFieldError[] = !file
        ? [{ path: 'file', message: 'choose a file to add' }]
        : !contentType
          ? [{ path: 'file', message: 'must be a PDF, DOCX, ODT, XLSX, PNG or JPEG' }]
          : [];
      const again = async (errors: TFieldError[]): Promise<TPageResult> => {
        const { errorList, byField } = errorsForForm(errors, { describe: (path) => FILE_FIELDS[path] ?? 'The file', fieldOf: (path) => (path === 'name' ? 'name' : 'file') });
        const agreement = await getAgreement({ id: params.id!, user, agreements });
        return { status: 400, html: await renderAgreement(layout, agreement, { errorList }, { values: form, errors: byField }) };
      };
      if (refusal.length) return again(refusal);
      return attempt(again, parsed!, async () => {
        const { attachment } = await addAttachment({ id: params.id!, request: parsed!.data!, user, ifMatch: ifMatchOf(form.revision), now: new Date(), newId, agreements });
        // Stored as a presigned upload would store it: the documents function checks the bytes against what was declared.
        await files.write(attachment.objectKey, file!.bytes, contentType!);
        return backTo(layout.base, params.id!, 'file-added');
      });
    },
  },
  {
    method: 'GET',
    path: '/agreements/{id}/files/{attachmentId}',
    role: 'viewer',
    handle: async ({ params, user }) => {
      const file = await openableAttachment({ id: params.id!, attachmentId: params.attachmentId!, user, agreements });
      return { redirect: await files.downloadUrl({ key: file.objectKey, name: file.name, contentType: file.contentType }, DOWNLOAD_WINDOW_SECONDS) };
    },
  },
  {
    method: 'POST',
    path: '/agreements/{id}/files/{attachmentId}/remove',
    role: 'editor',
    handle: async ({ params, user, layout, form }) => {
      const removed = await removeAttachment({ id: params.id!, attachmentId: params.attachmentId!, user, ifMatch: ifMatchOf(form.revision), now: new Date(), newId, agreements });
      // The file is off the draft whatever happens here; bytes left behind are only ever read through a draft's record.
      if (removed.objectToDelete) await files.remove(removed.objectToDelete).catch((error: unknown) => logger.warn('A removed file’s bytes stayed in storage', { objectKey: removed.objectToDelete, error: error as Error }));
      return backTo(layout.base, params.id!, 'file-removed');
    },
  },
  {
    method: 'GET',
    path: '/agreements/{id}/executed.pdf',
    role: 'viewer',
    handle: async ({ params, user }) => {
      const copy = await readExecutedCopy({ id: params.id!, user, agreements, files });
      return { file: { type: 'application/pdf', name: copy.fileName, bytes: copy.bytes } };
    },
  },
];

