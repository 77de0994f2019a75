import httpMultipartBodyParser from '@middy/http-multipart-body-parser';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import { documented } from '../../../shared/schemas/documented';
import {
  addAttachment,
  openableAttachment,
  removeAttachment,
  reopenUpload,
  DOWNLOAD_WINDOW_SECONDS,
  UPLOAD_WINDOW_SECONDS,
} from '../../../shared/domain/agreement/attachments';
import { readExecutedCopy } from '../../../shared/domain/agreement/executed-copy';
import { verifyDocument } from '../../../shared/domain/signing/evidence';
import { sha256Hex } from '../../../shared/domain/audit/audit-chain';
import { AppError } from '../../../shared/errors';
import { renderVerifyPage } from '../../../shared/html/verify-page';
import { renderMarkdown } from '../../../shared/html/markdown';
import { getAgreement } from '../../../shared/domain/agreement/read-agreements';
import { attachmentDisposition } from '../../../shared/http/content-disposition';
import { defineRoute, htmlPage } from '../../../shared/http/route';
import { ZAgreement, ZAgreementIdParams } from '../../../shared/schemas/agreement';
import { ZAddAttachmentRequest, ZAttachmentDownload, ZAttachmentParams, ZAttachmentUpload, type TAttachment } from '../../../shared/schemas/attachment';
import { ZIfMatchHeader } from '../../../shared/schemas/common';
import { ZVerification } from '../../../shared/schemas/evidence';
import { agreements, documents, files, newId } from '../dependencies';
import { logger } from '../../../shared/observability';

/** What `POST /verify` takes in one request (Lambda's 6 MB payload, base64-encoded); larger files are checked by hash. */
export const MAX_VERIFY_BYTES = 4 * 1024 * 1024;

/** The bytes of the file sent to `/verify`: the raw body, or the one file of the page's form. */
const fileSentToVerify = async (event: APIGatewayProxyEventV2): Promise<Uint8Array> => {
  const contentType = event.headers['content-type'] ?? '';
  if (/^multipart\/form-data/i.test(contentType)) {
    const request = { event: { ...event } };
    const parser = httpMultipartBodyParser({ busboy: { limits: { files: 1, fileSize: MAX_VERIFY_BYTES } }, disableContentTypeError: false });
    try {
      await parser.before!(request as never);
    } catch {
      throw new AppError('validation_failed', 'The form could not be read.', [{ path: 'file', message: 'choose a file' }]);
    }
    const file = (request.event.body as unknown as Record<string, { content?: Buffer; truncated?: boolean } | undefined>).file;
    if (!file?.content || file.content.length === 0)
      throw new AppError('validation_failed', 'Choose a file to check.', [{ path: 'file', message: 'choose a file' }]);
    if (file.truncated)
      throw new AppError('payload_too_large', `Files over ${MAX_VERIFY_BYTES / 1024 / 1024} MB are checked by their SHA-256: GET /verify/{sha256}.`);
    return file.content;
  }
  const bytes = event.body ? Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8') : Buffer.alloc(0);
  if (bytes.length === 0) throw new AppError('validation_failed', 'Send the file’s bytes as the request body.', [{ path: 'body', message: 'empty' }]);
  return bytes;
};

/** Where and how to PUT a pending file's bytes, until its upload window closes. */
const uploadReply = async (agreementId: string, attachment: TAttachment) => {
  const upload = await files.uploadUrl(
    { key: attachment.objectKey, contentType: attachment.contentType, size: attachment.size, sha256: attachment.sha256 },
    UPLOAD_WINDOW_SECONDS,
  );
  return {
    status: 201,
    body: {
      attachmentId: attachment.id,
      uploadUrl: upload.url,
      uploadMethod: 'PUT',
      uploadHeaders: upload.headers,
      expiresAt: attachment.uploadExpiresAt ?? upload.expiresAt,
    },
    headers: { location: `/agreements/${agreementId}/attachments/${attachment.id}` },
  };
};

export const documentRoutes = [
  defineRoute({
    method: 'POST',
    path: '/agreements/{id}/attachments',
    operationId: 'addAttachment',
    summary: 'Declare a file for a draft (the agreement as PDF or Word, a schedule): PUT its bytes to the upload URL; it shows once they arrive and match',
    tags: ['documents'],
    auth: 'editor',
    headers: ZIfMatchHeader,
    params: ZAgreementIdParams,
    body: ZAddAttachmentRequest,
    responses: {
      201: { description: 'Where to PUT the bytes, with the headers to send, until expiresAt', schema: ZAttachmentUpload },
      409: { description: 'Only a draft carries new files' },
      412: { description: 'If-Match (optional) does not match the current revision' },
      422: { description: 'The draft already carries 20 files' },
    },
    handle: async ({ params, body, user, headers }) =>
      uploadReply(
        params.id,
        (await addAttachment({ id: params.id, request: body, user, ifMatch: headers['if-match'], now: new Date(), newId, agreements })).attachment,
      ),
  }),
  defineRoute({
    method: 'POST',
    path: '/agreements/{id}/attachments/{attachmentId}/upload',
    operationId: 'reopenAttachmentUpload',
    summary: 'A new upload URL for a file not stored yet: its URL expired unused, or the bytes sent were refused',
    tags: ['documents'],
    auth: 'editor',
    headers: ZIfMatchHeader,
    params: ZAttachmentParams,
    responses: {
      201: { description: 'Where to PUT the bytes, with the headers to send, until expiresAt', schema: ZAttachmentUpload },
      404: { description: 'No such file' },
      409: { description: 'The file is stored already, or the agreement is no longer a draft' },
      412: { description: 'If-Match (optional) does not match the current revision' },
    },
    handle: async ({ params, user, headers }) =>
      uploadReply(
        params.id,
        await reopenUpload({ id: params.id, attachmentId: params.attachmentId, user, ifMatch: headers['if-match'], now: new Date(), newId, agreements }),
      ),
  }),
  defineRoute({
    method: 'GET',
    path: '/agreements/{id}/attachments/{attachmentId}',
    operationId: 'openAttachment',
    summary: 'Download a stored file: a link that works for five minutes (a browser is redirected to it)',
    tags: ['documents'],
    auth: 'viewer',
    params: ZAttachmentParams,
    responses: {
      200: { description: 'Where to download it, until expiresAt', schema: ZAttachmentDownload },
      303: { description: 'Location: the file, for five minutes (when the caller accepts text/html)' },
      404: { description: 'No such file, or not stored (yet)' },
    },
    handle: async ({ params, user, headers }) => {
      const file = await openableAttachment({ id: params.id, attachmentId: params.attachmentId, user, agreements });
      const url = await files.downloadUrl({ key: file.objectKey, name: file.name, contentType: file.contentType }, DOWNLOAD_WINDOW_SECONDS);
      if ((headers.accept ?? '').includes('text/html')) return { status: 303, headers: { location: url } };
      return { status: 200, body: { url, expiresAt: new Date(Date.now() + DOWNLOAD_WINDOW_SECONDS * 1000).toISOString() } };
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/agreements/{id}/attachments/{attachmentId}',
    operationId: 'removeAttachment',
    summary: 'Take a file off a draft',
    tags: ['documents'],
    auth: 'editor',
    headers: ZIfMatchHeader,
    params: ZAttachmentParams,
    responses: {
      200: { description: 'The draft without the file', schema: ZAgreement },
      404: { description: 'No such file on this draft' },
      409: { description: 'Only a draft’s files can be removed' },
      412: { description: 'If-Match (optional) does not match the current revision' },
    },
    handle: async ({ params, user, headers }) => {
      const removed = await removeAttachment({
        id: params.id,
        attachmentId: params.attachmentId,
        user,
        ifMatch: headers['if-match'],
        now: new Date(),
        newId,
        agreements,
      });
      // The file is off the draft whatever happens here; bytes left behind are only ever read through a draft's record.
      if (removed.objectToDelete)
        await files
          .remove(removed.objectToDelete)
          .catch((error: unknown) => logger.warn('A removed file’s bytes stayed in storage', { objectKey: removed.objectToDelete, error: error as Error }));
      return { status: 200, body: removed.agreement, headers: { etag: `"${removed.agreement.revision}"` } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/agreements/{id}/text.html',
    operationId: 'getAgreementText',
    summary: 'The agreement text rendered from its Markdown as safe HTML (no raw HTML, no scripts, links without referrer), for the workspace to show',
    tags: ['documents'],
    auth: 'viewer',
    params: ZAgreementIdParams,
    responses: { 200: { description: 'An HTML fragment: the text as one document block', contentType: 'text/html' } },
    handle: async ({ params, user }) => ({
      status: 200,
      content: { type: 'text/html; charset=utf-8', text: renderMarkdown((await getAgreement({ id: params.id, user, agreements })).body).value },
    }),
  }),
  defineRoute({
    method: 'GET',
    path: '/agreements/{id}/executed.pdf',
    operationId: 'getExecutedCopy',
    summary: 'The executed copy: the text, its files’ hashes, the certificate and the audit trail in one PDF, sealed (PAdES)',
    tags: ['documents'],
    auth: 'viewer',
    params: ZAgreementIdParams,
    responses: {
      200: { description: 'The sealed PDF', contentType: 'application/pdf', schema: documented(z.string(), { format: 'binary' }) },
      404: { description: 'Not in force, or its copy is still being sealed (a minute at most)' },
    },
    handle: async ({ params, user }) => {
      const copy = await readExecutedCopy({ id: params.id, user, agreements, files });
      return {
        status: 200,
        content: { type: 'application/pdf', bytes: copy.bytes },
        headers: { 'content-disposition': attachmentDisposition(copy.fileName) },
      };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/verify',
    operationId: 'getVerifyPage',
    summary: 'Public: a page to check a file against Accord',
    tags: ['evidence'],
    auth: 'public',
    responses: { 200: { description: 'An HTML page', contentType: 'text/html' } },
    handle: async () => htmlPage(renderVerifyPage({})),
  }),
  defineRoute({
    method: 'POST',
    path: '/verify',
    operationId: 'verifyFile',
    summary: 'Public: is this file the executed copy, the signed document or an attachment of an agreement in Accord, and which',
    tags: ['evidence'],
    auth: 'public',
    rawBody: {
      contentTypes: ['application/octet-stream', 'application/pdf', 'multipart/form-data'],
      description: `The file's bytes (at most ${MAX_VERIFY_BYTES / 1024 / 1024} MB; check a larger one by its SHA-256), or the verify page's form`,
    },
    responses: {
      200: { description: 'The matching versions (HTML for the page’s form)', schema: ZVerification },
      404: { description: 'No agreement in Accord holds this file' },
    },
    handle: async ({ event, headers }) => {
      const wantsPage = (headers.accept ?? '').includes('text/html');
      const sha256 = sha256Hex(await fileSentToVerify(event));
      try {
        const verification = await verifyDocument({ sha256, documents, agreements });
        return wantsPage ? htmlPage(renderVerifyPage({ verification })) : { status: 200, body: verification };
      } catch (error) {
        if (wantsPage && error instanceof AppError && error.code === 'not_found') return { ...htmlPage(renderVerifyPage({ unknown: sha256 })), status: 404 };
        throw error;
      }
    },
  }),
];
