// First: zod's settings hold for the schemas built after them.
import '../../shared/schemas/zod-settings';
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { monotonicFactory } from 'ulid';
import { config } from './config';
import { createAgencyRepository } from '../../shared/db/agency-repository';
import { createAgreementRepository } from '../../shared/db/agreement-repository';
import { createDocumentClient } from '../../shared/db/client';
import { createSigningRequestRepository } from '../../shared/db/signing-request-repository';
import { recordDecision, viewSigningLink } from '../../shared/domain/signing/decide';
import { AppError } from '../../shared/errors';
import { PAGE_HEADERS } from '../../shared/html/page';
import { renderCopyBeingSealed, renderDecisionRecorded, renderProblemPage, renderSigningPage } from '../../shared/html/signing-pages';
import { fieldErrorsOf } from '../../shared/errors';
import { toAppError } from '../../shared/http/problem';
import { loadLinkSigner } from '../../shared/link-signer';
import { countMetric, logger, observability } from '../../shared/observability';
import { ZDecisionForm } from './decision-form.schema';
import { createProposalRepository } from '../../shared/db/proposal-repository';
import { recordProposalView, viewProposalLink } from '../../shared/domain/proposal/proposals';
import { renderProposalPage, renderViewRecorded } from '../../shared/html/proposal-pages';
import { ZProposalViewForm } from '../../shared/schemas/proposal';
import { createS3FileStore } from '../../shared/storage/s3-file-store';
import { executedCopyDownload } from '../../shared/domain/agreement/executed-copy';
import { DOWNLOAD_WINDOW_SECONDS } from '../../shared/domain/agreement/attachments';

const table = { client: createDocumentClient(config.table), tableName: config.table.name };
const agreements = createAgreementRepository(table);
const requests = createSigningRequestRepository(table);
const agencies = createAgencyRepository(table);
const proposals = createProposalRepository(table);
const newId = monotonicFactory();
const linkSigner = loadLinkSigner(config.signingKeys);
const OWN_ORIGIN = new URL(config.publicBaseUrl).origin;
const MAX_FORM_BYTES = 64 * 1024;
const files = createS3FileStore(config.documents);

/**
 * The decision must come from Accord's own signing page. Browsers send `Origin: null` from a page
 * with `Referrer-Policy: no-referrer`, so a same-origin `Sec-Fetch-Site` (which page scripts cannot
 * forge) vouches for such a request; a foreign origin, or neither signal, is refused.
 */
const isFromOwnPage = (headers: APIGatewayProxyEventV2['headers']): boolean => {
  const origin = headers.origin;
  if (origin && origin !== 'null') return origin === OWN_ORIGIN;
  return headers['sec-fetch-site'] === 'same-origin';
};

const page = (status: number, body: string, isHead = false, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 => ({
  statusCode: status,
  headers: { ...PAGE_HEADERS, ...headers },
  body: isHead ? '' : body,
});

const problemPage = (error: unknown, isHead = false) => {
  const appError = toAppError(error);
  if (appError.status >= 500) logger.error('Signing page failed', { error: error as Error });
  const retryAfter: Record<string, string> = appError.retryAfterSeconds !== undefined ? { 'retry-after': String(appError.retryAfterSeconds) } : {};
  return page(appError.status, renderProblemPage(appError.status, appError.title, appError.message), isHead, retryAfter);
};

/**
 * A signatory's pages, served from the link in their email. GET and HEAD only read (mail
 * scanners open links); POST records the decision. The token travels in the path and is
 * never logged.
 */
const servePage = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
  const method = event.requestContext.http.method;
  const token = event.pathParameters?.token ?? '';
  const now = new Date();
  if (method === 'GET' || method === 'HEAD') {
    try {
      const view = await viewSigningLink({ token, now, requests, agreements, agencies });
      return page(200, renderSigningPage({ agreement: view.agreement, signatoryId: view.signatoryId, purpose: view.request.purpose, token }), method === 'HEAD');
    } catch (error) {
      return problemPage(error, method === 'HEAD');
    }
  }
  if (!isFromOwnPage(event.headers)) {
    return problemPage(new AppError('forbidden', 'This form can only be sent from Accord’s own signing page.'));
  }
  const raw = event.body ? Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8') : Buffer.alloc(0);
  if (raw.length > MAX_FORM_BYTES) return problemPage(new AppError('payload_too_large', 'The form is too large.'));
  const values = Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
  try {
    const form = ZDecisionForm.safeParse(values);
    if (!form.success) {
      const view = await viewSigningLink({ token, now, requests, agreements, agencies });
      return page(400, renderSigningPage({ agreement: view.agreement, signatoryId: view.signatoryId, purpose: view.request.purpose, token, errors: fieldErrorsOf(form.error), values }));
    }
    const decision =
      form.data.decision === 'approve'
        ? { kind: 'approve' as const, signedName: form.data.signedName }
        : { kind: 'decline' as const, reason: form.data.reason, reasonCode: form.data.reasonCode };
    const result = await recordDecision({
      token,
      decision,
      context: { ip: event.requestContext.http.sourceIp, userAgent: event.requestContext.http.userAgent ?? '' },
      now,
      newId,
      linkSigner: await linkSigner(),
      requests,
      agreements,
      agencies,
    });
    countMetric(form.data.decision === 'approve' ? 'Approvals' : 'Declines');
    if (result.outcome === 'in_force') countMetric('AgreementsInForce');
    if (result.outcome === 'terminated') countMetric('AgreementsTerminated');
    return page(200, renderDecisionRecorded(result.agreement, form.data.decision, result.outcome));
  } catch (error) {
    return problemPage(error);
  }
};

/** Sends the browser on to a download link. */
const redirectTo = (location: string): APIGatewayProxyStructuredResultV2 => ({ statusCode: 303, headers: { ...PAGE_HEADERS, location }, body: '' });

/** A file of the agreement a signatory is asked to sign: for the holder of the link, a download that works for minutes. */
const serveAttachment = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
  try {
    const view = await viewSigningLink({ token: event.pathParameters?.token ?? '', now: new Date(), requests, agreements, agencies });
    const file = view.agreement.attachments.find((candidate) => candidate.id === event.pathParameters?.attachmentId && candidate.status === 'available');
    if (!file) throw new AppError('not_found', 'The agreement has no such file.');
    return redirectTo(await files.downloadUrl({ key: file.objectKey, name: file.name, contentType: file.contentType }, DOWNLOAD_WINDOW_SECONDS));
  } catch (error) {
    return problemPage(error);
  }
};

/** A party's link to the executed copy from its `In force:` email: the sealed PDF, or a page saying it is being sealed. */
const serveExecutedCopy = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
  try {
    const agreementId = (await linkSigner()).agreementOfCopyToken(event.pathParameters?.token ?? '');
    // A link made with a key since retired from the keyring ends with it (see the key-rotation runbook).
    if (!agreementId) throw new AppError('not_found', 'This link does not work, or no longer does: ask the agreement’s owner for its executed copy.');
    const copy = await executedCopyDownload({ agreementId, agreements, files, expiresInSeconds: DOWNLOAD_WINDOW_SECONDS });
    if (!copy.url) return page(200, renderCopyBeingSealed(copy.agreement), false, { refresh: '30' });
    return redirectTo(copy.url);
  } catch (error) {
    return problemPage(error);
  }
};

/** A proposed party's page, from the link in its contact's email; the same rules as the signing page. */
const serveProposalPage = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
  const method = event.requestContext.http.method;
  const token = event.pathParameters?.token ?? '';
  const now = new Date();
  const isHead = method === 'HEAD';
  try {
    if (method === 'GET' || isHead) {
      const opened = await viewProposalLink({ token, now, proposals });
      // Another contact of the same agency may have answered first: its view stands.
      if (opened.party.view) throw new AppError('conflict', `${opened.party.agencyName}'s view is already recorded.`);
      return page(200, renderProposalPage({ proposal: opened.proposal, party: opened.party }), isHead);
    }
    if (!isFromOwnPage(event.headers)) throw new AppError('forbidden', 'This form can only be sent from Accord’s own proposal page.');
    const raw = event.body ? Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8') : Buffer.alloc(0);
    if (raw.length > MAX_FORM_BYTES) throw new AppError('payload_too_large', 'The form is too large.');
    const values = Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
    const form = ZProposalViewForm.safeParse({ ...values, ground: values.ground || undefined });
    if (!form.success) {
      const opened = await viewProposalLink({ token, now, proposals });
      return page(400, renderProposalPage({ proposal: opened.proposal, party: opened.party, errors: fieldErrorsOf(form.error), values }));
    }
    const recorded = await recordProposalView({ token, form: form.data, now, newId, proposals, agencies });
    countMetric('ProposalViews');
    return page(200, renderViewRecorded(recorded.proposal, recorded.party));
  } catch (error) {
    return problemPage(error, isHead);
  }
};

/** Signing links and proposal links share this function: its pages are the public ones reached from email. */
const serve = (event: APIGatewayProxyEventV2) => {
  if (event.rawPath.startsWith('/proposals/respond/')) return serveProposalPage(event);
  if (event.rawPath.startsWith('/copies/')) return serveExecutedCopy(event);
  if (event.pathParameters?.attachmentId) return serveAttachment(event);
  return servePage(event);
};

export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
  .use(observability())
  .use(httpHeaderNormalizer())
  .handler(serve);
