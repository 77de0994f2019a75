import * as z from 'zod';
import { ZAgreementStatus, ZDeclineReasonCode, ZLegalBasis, ZSignatoryStatus } from './agreement';
import { ZIsoDate } from './common';
import { deferred } from './deferred';

export const ZCertificate = deferred(() =>
  z
    .object({
      reference: z.string(),
      version: z.int(),
      title: z.string(),
      status: ZAgreementStatus,
      legalBasis: ZLegalBasis,
      documentSha256: z.string().nullable(),
      effectiveDate: ZIsoDate.nullable(),
      nextReviewDate: ZIsoDate.nullable(),
      parties: z.array(
        z.object({
          agencyName: z.string(),
          leaving: z.boolean().meta({ description: 'Signed this version to leave the agreement' }),
          requiredApprovals: z.int(),
          signatories: z.array(
            z.object({
              name: z.string(),
              role: z.string(),
              status: ZSignatoryStatus,
              decidedAt: z.string().nullable(),
              signedName: z.string().nullable(),
              documentSha256: z.string().nullable(),
              ip: z.string().nullable(),
              userAgent: z.string().nullable(),
              reasonCode: ZDeclineReasonCode.nullable(),
              reason: z.string().nullable(),
            }),
          ),
        }),
      ),
      attachments: z
        .array(z.object({ name: z.string(), contentType: z.string(), size: z.int(), sha256: z.string() }))
        .default([])
        .meta({ description: 'The files signed with the text: their hashes are part of the document hash' }),
      auditTrail: z.object({ events: z.int(), lastHash: z.string().nullable(), intact: z.boolean() }),
      issuedAt: z.string(),
    })
    .meta({ id: 'Certificate', description: 'Who signed which document hash, when and from where' }),
);
export type TCertificate = z.infer<typeof ZCertificate>;

export const ZVerifyParams = deferred(() =>
  z.object({
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits'),
  }),
);

/** What a file is to an agreement version: its signed document, one of its attachments, or its sealed executed copy. */
export const ZDocumentKind = deferred(() => z.enum(['document', 'attachment', 'executed_copy']));
export type TDocumentKind = z.infer<typeof ZDocumentKind>;

export const ZVerification = deferred(() =>
  z
    .object({
      sha256: z.string(),
      matches: z.array(
        z.object({
          kind: ZDocumentKind.meta({ description: 'What the file is to that version: its signed document, one of its attachments, or its sealed executed copy' }),
          reference: z.string(),
          version: z.int(),
          status: ZAgreementStatus,
          inForceSince: ZIsoDate.nullable().meta({ description: 'The day it came into force, if it has' }),
        }),
      ),
    })
    .meta({ id: 'Verification', description: 'Which agreement versions hold a file with this hash, and nothing else about them' }),
);
export type TVerification = z.infer<typeof ZVerification>;
