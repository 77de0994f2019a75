import * as z from 'zod/mini';
import { documented } from './documented';
import { ZAgreementStatus, ZDeclineReasonCode, ZLegalBasis, ZSignatoryStatus } from './agreement';
import { ZIsoDate } from './common';
import { deferred } from './deferred';

export const ZCertificate = deferred(() =>
  documented(
    z.object({
      reference: z.string(),
      version: z.int(),
      title: z.string(),
      status: ZAgreementStatus,
      legalBasis: ZLegalBasis,
      documentSha256: z.nullable(z.string()),
      effectiveDate: z.nullable(ZIsoDate),
      nextReviewDate: z.nullable(ZIsoDate),
      parties: z.array(
        z.object({
          agencyName: z.string(),
          leaving: documented(z.boolean(), { description: 'Signed this version to leave the agreement' }),
          requiredApprovals: z.int(),
          signatories: z.array(
            z.object({
              name: z.string(),
              role: z.string(),
              status: ZSignatoryStatus,
              decidedAt: z.nullable(z.string()),
              signedName: z.nullable(z.string()),
              documentSha256: z.nullable(z.string()),
              ip: z.nullable(z.string()),
              userAgent: z.nullable(z.string()),
              reasonCode: z.nullable(ZDeclineReasonCode),
              reason: z.nullable(z.string()),
            }),
          ),
        }),
      ),
      attachments: documented(z._default(z.array(z.object({ name: z.string(), contentType: z.string(), size: z.int(), sha256: z.string() })), []), {
        description: 'The files signed with the text: their hashes are part of the document hash',
      }),
      auditTrail: z.object({ events: z.int(), lastHash: z.nullable(z.string()), intact: z.boolean() }),
      issuedAt: z.string(),
    }),
    { id: 'Certificate', description: 'Who signed which document hash, when and from where' },
  ),
);
export type TCertificate = z.infer<typeof ZCertificate>;

export const ZVerifyParams = deferred(() =>
  z.object({
    sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits')),
  }),
);

/** What a file is to an agreement version: its signed document, one of its attachments, or its sealed executed copy. */
export const ZDocumentKind = deferred(() => z.enum(['document', 'attachment', 'executed_copy']));
export type TDocumentKind = z.infer<typeof ZDocumentKind>;

export const ZVerification = deferred(() =>
  documented(
    z.object({
      sha256: z.string(),
      matches: z.array(
        z.object({
          kind: documented(ZDocumentKind, {
            description: 'What the file is to that version: its signed document, one of its attachments, or its sealed executed copy',
          }),
          reference: z.string(),
          version: z.int(),
          status: ZAgreementStatus,
          inForceSince: documented(z.nullable(ZIsoDate), { description: 'The day it came into force, if it has' }),
        }),
      ),
    }),
    { id: 'Verification', description: 'Which agreement versions hold a file with this hash, and nothing else about them' },
  ),
);
export type TVerification = z.infer<typeof ZVerification>;
