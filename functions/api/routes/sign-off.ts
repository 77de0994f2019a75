import { ZIfMatchHeader } from '../../../shared/schemas/common';
import * as z from 'zod/mini';
import { startNextVersion } from '../../../shared/domain/agreement/new-version';
import { buildCertificate, verifyDocument } from '../../../shared/domain/signing/evidence';
import {
  replaceSignatory,
  resendSigningLink,
  submitAgreement,
  withdrawAgreement,
  requestTermination,
  withdrawTermination,
} from '../../../shared/domain/signing/sign-off';
import { renderCertificatePage } from '../../../shared/html/certificate-page';
import { getAgreement } from '../../../shared/domain/agreement/read-agreements';
import { defineRoute, htmlPage } from '../../../shared/http/route';
import { countMetric } from '../../../shared/observability';
import { recordReview, terminateAgreement } from '../../../shared/domain/agreement/after-signature';
import { recordPublication } from '../../../shared/domain/agreement/publication';
import { giveWithdrawalNotice } from '../../../shared/domain/agreement/withdrawal';
import {
  ZAgreement,
  ZAgreementIdParams,
  ZReasonRequest,
  ZAgreementPartyParams,
  ZPublicationRequest,
  ZWithdrawalNoticeRequest,
  ZRecordReviewRequest,
  ZReplaceSignatoryRequest,
  ZTerminateRequest,
  type TAgreement,
  ZTerminationRequest,
} from '../../../shared/schemas/agreement';
import { ZUlid } from '../../../shared/schemas/common';
import { ZCertificate, ZVerification, ZVerifyParams } from '../../../shared/schemas/evidence';
import { agreements, documents, newId, signingLinkDependencies } from '../dependencies';
import { deferred } from '../../../shared/schemas/deferred';

const ZSignatoryParams = deferred(() => z.object({ id: ZUlid, signatoryId: ZUlid }));

const withEtag = (status: number, agreement: TAgreement, extra: Record<string, string> = {}) => ({
  status,
  body: agreement,
  headers: { etag: `"${agreement.revision}"`, ...extra },
});

const transitionResponses = (description: string) => ({
  200: { description, schema: ZAgreement },
  409: { description: 'Not allowed from the agreement’s current status' },
  412: { description: 'If-Match (optional) does not match the current revision' },
});

/** Emails sent on demand are limited to three a London day (per signatory, reference or agreement). */
const LIMITED = { 429: { description: 'Three already today; `Retry-After` says when the limit resets' } };

export const signOffRoutes = [
  defineRoute({
    method: 'POST',
    path: '/agreements/{id}/submit',
    operationId: 'submitAgreement',
    summary: 'Check the agreement against the contract (Lifecycle) and the statute, fix its document hash, and start sign-off',
    tags: ['sign-off'],
    auth: 'editor',
    headers: ZIfMatchHeader,
    params: ZAgreementIdParams,
    responses: {
      ...transitionResponses('Awaiting signatures; the first routing group has been emailed'),
      422: { description: 'Every failed rule, by field' },
      ...LIMITED,
    },
    handle: async ({ params, user, headers }) => {
      const submitted = await submitAgreement({
        id: params.id,
        user,
        ifMatch: headers['if-match'],
        now: new Date(),
        ...(await signingLinkDependencies()),
      });
      countMetric('AgreementsSubmitted');
      return withEtag(200, submitted);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/agreements/{id}/withdraw',
    operationId: 'withdrawAgreement',
    summary: 'Withdraw an agreement from sign-off',
    tags: ['sign-off'],
    auth: 'editor',
    headers: ZIfMatchHeader,
    params: ZAgreementIdParams,
    body: ZReasonRequest,
    responses: transitionResponses('Withdrawn; open links revoked, everyone told'),
    handle: async ({ params, body, user, headers }) =>
      withEtag(200, await withdrawAgreement({ id: params.id, user, ifMatch: headers['if-match'], now: new Date(), newId, agreements, reason: body.reason })),
  }),
  defineRoute({
    method: 'POST',
    path: '/agreements/{id}/revise',
    operationId: 'reviseAgreement',
    summary: 'Start a new draft version from a declined or withdrawn agreement',
    tags: ['sign-off'],
    auth: 'editor',
    headers: ZIfMatchHeader,
    params: ZAgreementIdParams,
    responses: {
      201: { description: 'The new draft version', schema: ZAgreement },
      409: { description: 'Not declined or withdrawn, or already revised' },
      412: { description: 'If-Match (optional) does not match the current revision' },
    },
    handle: async ({ params, user, headers }) => {
      const draft = await startNextVersion({ id: params.id, action: 'revise', user, ifMatch: headers['if-match'], now: new Date(), newId, agreements });
      return withEtag(201, draft, { location: `/agreements/${draft.id}` });
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/agreements/{id}/variations',
    operationId: 'startVariation',
    summary: 'Start a variation: a new draft version of an agreement in force',
    tags: ['sign-off'],
    auth: 'editor',
    headers: ZIfMatchHeader,
    params: ZAgreementIdParams,
    responses: {
      201: { description: 'The variation draft; the current version stays in force until it is signed', schema: ZAgreement },
      409: { description: 'Not in force, or a variation exists' },
      412: { description: 'If-Match (optional) does not match the current revision' },
    },
    handle: async ({ params, user, headers }) => {
      const draft = await startNextVersion({ id: params.id, action: 'vary', user, ifMatch: headers['if-match'], now: new Date(), newId, agreements });
      return withEtag(201, draft, { location: `/agreements/${draft.id}` });
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/agreements/{id}/signatories/{signatoryId}/replace',
    operationId: 'replaceSignatory',
    summary: 'Put someone on the agency’s list in the place of a signatory who has not decided (replacement or delegation)',
    tags: ['sign-off'],
    auth: 'editor',
    headers: ZIfMatchHeader,
    params: ZSignatoryParams,
    body: ZReplaceSignatoryRequest,
    responses: {
      ...transitionResponses('Replaced; if the signatory had been asked, the new one has a link and the old link is closed'),
      422: { description: 'The new person is not on the party agency’s list of authorised signatories' },
    },
    handle: async ({ params, body, user, headers }) =>
      withEtag(
        200,
        await replaceSignatory({
          id: params.id,
          signatoryId: params.signatoryId,
          ...body,
          user,
          ifMatch: headers['if-match'],
          now: new Date(),
          ...(await signingLinkDependencies()),
        }),
      ),
  }),
  defineRoute({
    method: 'POST',
    path: '/agreements/{id}/signatories/{signatoryId}/resend',
    operationId: 'resendSigningLink',
    summary: 'Send a signatory a new link; the previous one stops working',
    tags: ['sign-off'],
    auth: 'editor',
    headers: ZIfMatchHeader,
    params: ZSignatoryParams,
    responses: { ...transitionResponses('A new link is on its way'), 422: { description: 'The signatory is no longer on their agency’s list' }, ...LIMITED },
    handle: async ({ params, user, headers }) =>
      withEtag(
        200,
        await resendSigningLink({
          id: params.id,
          signatoryId: params.signatoryId,
          user,
          ifMatch: headers['if-match'],
          now: new Date(),
          ...(await signingLinkDependencies()),
        }),
      ),
  }),
  defineRoute({
    method: 'POST',
    path: '/agreements/{id}/reviews',
    operationId: 'recordReview',
    summary: 'Record a review of an agreement in force: continue, vary (opens a variation draft) or terminate',
    tags: ['reviews'],
    auth: 'editor',
    headers: ZIfMatchHeader,
    params: ZAgreementIdParams,
    body: ZRecordReviewRequest,
    responses: {
      200: {
        description: 'The reviewed agreement, and the variation draft for `vary`',
        schema: z.object({ agreement: ZAgreement, variation: z.union([ZAgreement, z.null()]) }),
      },
      409: { description: 'Not in force' },
      412: { description: 'If-Match (optional) does not match the current revision: someone recorded a review meanwhile' },
    },
    handle: async ({ params, body, user, headers }) => ({
      status: 200,
      body: await recordReview({
        id: params.id,
        input: body,
        user,
        ifMatch: headers['if-match'],
        now: new Date(),
        ...(await signingLinkDependencies()),
      }),
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/agreements/{id}/termination',
    operationId: 'requestTermination',
    summary: "Ask every party to agree to end the agreement: each party's signatories decide from a link, as in sign-off",
    tags: ['reviews'],
    auth: 'editor',
    headers: ZIfMatchHeader,
    params: ZAgreementIdParams,
    body: ZTerminationRequest,
    responses: { ...transitionResponses('The termination round is open; every signatory has been emailed a link'), ...LIMITED },
    handle: async ({ params, body, user, headers }) =>
      withEtag(
        200,
        await requestTermination({
          id: params.id,
          ...body,
          user,
          ifMatch: headers['if-match'],
          now: new Date(),
          ...(await signingLinkDependencies()),
        }),
      ),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/agreements/{id}/termination',
    operationId: 'withdrawTermination',
    summary: 'Withdraw an open termination round: its links close, everyone is told, the agreement stays in force',
    tags: ['reviews'],
    auth: 'editor',
    headers: ZIfMatchHeader,
    params: ZAgreementIdParams,
    body: ZReasonRequest,
    responses: transitionResponses('The round is withdrawn'),
    handle: async ({ params, body, user, headers }) =>
      withEtag(200, await withdrawTermination({ id: params.id, reason: body.reason, user, ifMatch: headers['if-match'], now: new Date(), newId, agreements })),
  }),
  defineRoute({
    method: 'POST',
    path: '/agreements/{id}/terminate',
    operationId: 'recordTermination',
    summary: 'Record a termination every party agreed outside Accord, with its evidence (admin); every party is told',
    tags: ['reviews'],
    auth: 'admin',
    params: ZAgreementIdParams,
    body: ZTerminateRequest,
    responses: transitionResponses('Terminated'),
    handle: async ({ params, body, user }) => withEtag(200, await terminateAgreement({ id: params.id, ...body, user, now: new Date(), newId, agreements })),
  }),
  defineRoute({
    method: 'GET',
    path: '/agreements/{id}/certificate',
    operationId: 'getCertificate',
    summary: 'Completion certificate: who signed which document hash, when, from where (JSON, or HTML with Accept: text/html)',
    tags: ['evidence'],
    auth: 'viewer',
    params: ZAgreementIdParams,
    responses: { 200: { description: 'The certificate', schema: ZCertificate } },
    handle: async ({ params, user, headers }) => {
      const certificate = await buildCertificate({ id: params.id, user, agreements, now: new Date() });
      const wantsHtml = (headers.accept ?? '').includes('text/html');
      return wantsHtml
        ? htmlPage(renderCertificatePage(certificate, (await getAgreement({ id: params.id, user, agreements })).body))
        : { status: 200, body: certificate };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/verify/{sha256}',
    operationId: 'verifyDocument',
    summary: 'Public: does this document hash belong to an agreement, and which',
    tags: ['evidence'],
    auth: 'public',
    params: ZVerifyParams,
    responses: { 200: { description: 'The matching versions', schema: ZVerification } },
    handle: async ({ params }) => ({ status: 200, body: await verifyDocument({ sha256: params.sha256, documents, agreements }) }),
  }),
  defineRoute({
    method: 'PUT',
    path: '/agreements/{id}/parties/{agencyId}/publication',
    operationId: 'recordPublication',
    summary: 'Record how a party publishes the agreement in force (PA 1996 s.23E): in full, a summary, or withheld, with where and why; the register shows it',
    tags: ['sign-off'],
    auth: 'editor',
    headers: ZIfMatchHeader,
    params: ZAgreementPartyParams,
    body: ZPublicationRequest,
    responses: {
      200: { description: 'The agreement with the publication recorded', schema: ZAgreement },
      403: { description: "Not an editor of that party's agency" },
      404: { description: 'No such agreement, or that agency is not a party' },
      409: { description: 'The agreement is not in force' },
      412: { description: 'If-Match (optional) does not match the current revision' },
    },
    handle: async ({ params, body, user, headers }) =>
      withEtag(
        200,
        await recordPublication({
          id: params.id,
          agencyId: params.agencyId,
          publication: body,
          user,
          ifMatch: headers['if-match'],
          now: new Date(),
          newId,
          agreements,
        }),
      ),
  }),
  defineRoute({
    method: 'POST',
    path: '/agreements/{id}/withdrawals',
    operationId: 'giveWithdrawalNotice',
    summary:
      "A party's notice that it leaves under the withdrawal terms (PCA 2017 s.4(7)); on the day the rest carry on as a new version, or the agreement ends",
    tags: ['sign-off'],
    auth: 'editor',
    headers: ZIfMatchHeader,
    params: ZAgreementIdParams,
    body: ZWithdrawalNoticeRequest,
    responses: {
      200: { description: 'The agreement with the notice recorded; every party has been told', schema: ZAgreement },
      403: { description: "Not an editor of the leaving party's agency" },
      409: { description: 'Not in force, notice already given, or a new version is being drafted' },
      412: { description: 'If-Match (optional) does not match the current revision' },
      422: { description: 'That agency is not a party' },
    },
    handle: async ({ params, body, user, headers }) =>
      withEtag(200, await giveWithdrawalNotice({ id: params.id, ...body, user, ifMatch: headers['if-match'], now: new Date(), newId, agreements })),
  }),
];
