import * as z from 'zod';
import { ZAttachment, ZExecutedCopy } from './attachment';
import { ZAgencyType } from './agency';
import { plainLine, plainText, ZEmail, ZIsoDate, ZSlug, ZUlid } from './common';
import { deferred } from './deferred';

export const MAX_BODY_BYTES = 200 * 1024;
export const MAX_PARTIES = 12;
export const MAX_SIGNATORIES_PER_PARTY = 6;
export const MAX_LEGAL_CONTACTS = 10;

export const LEGAL_BASES = ['PCA2017_S2', 'PA1996_S22A', 'OTHER'] as const;
export const ZLegalBasis = deferred(() =>
  z.enum(LEGAL_BASES).meta({
    description: 'PCA2017_S2: Policing and Crime Act 2017 s.2; PA1996_S22A: Police Act 1996 s.22A; OTHER',
  }),
);
export type TLegalBasis = z.infer<typeof ZLegalBasis>;

export const AGREEMENT_STATUSES = [
  'draft',
  'awaiting_signatures',
  'in_force',
  'declined',
  'withdrawn',
  'terminated',
  'expired',
  'superseded',
] as const;
export const ZAgreementStatus = deferred(() => z.enum(AGREEMENT_STATUSES));
export type TAgreementStatus = z.infer<typeof ZAgreementStatus>;

/** `not_required`: the signatory's party reached its k approvals without them, so their request was closed. */
export const ZSignatoryStatus = deferred(() => z.enum(['pending', 'requested', 'approved', 'declined', 'expired', 'bounced', 'not_required']));
export type TSignatoryStatus = z.infer<typeof ZSignatoryStatus>;

export const ZAssessment = deferred(() =>
  z.strictObject({
    efficiencyEffectiveness: plainText(10_000).optional().meta({
      description: "The party's assessment of the effect on its efficiency or effectiveness",
    }),
    publicSafety: plainText(10_000).optional().meta({ description: "The party's assessment of the effect on public safety" }),
  }),
);

const ZBody = deferred(() =>
  plainText(MAX_BODY_BYTES)
    .refine((body) => Buffer.byteLength(body, 'utf8') <= MAX_BODY_BYTES, `must be at most ${MAX_BODY_BYTES} bytes`)
    .meta({ description: 'The agreement text, Markdown, at most 200 KB' }),
);

export const ZSignatoryInput = deferred(() =>
  z.strictObject({
    name: plainLine(200),
    role: plainLine(200),
    email: ZEmail,
    order: z.int().min(1).max(20).optional().meta({ description: 'Routing group: lowest first, equal in parallel (default 1)' }),
  }),
);

/**
 * A policing body entering an agreement without its chief officer records that it consulted them
 * first (PCA 2017 s.3(11); Police Act 1996 s.23A(6)).
 */
export const ZConsultation = deferred(() =>
  z
    .strictObject({
      consultedOn: ZIsoDate.meta({ description: 'When the chief officer was consulted; not after today' }),
      chiefOfficer: plainLine(200).meta({ description: 'Who was consulted, e.g. the Chief Constable of Warwickshire Police' }),
      outcome: plainText(5_000).refine((text) => text.trim().length > 0, 'say what the chief officer said'),
    })
    .meta({ id: 'Consultation' }),
);
export type TConsultation = z.infer<typeof ZConsultation>;

/** How one party publishes the agreement in its own publication scheme (Police Act 1996 s.23E). */
export const ZPublicationRequest = deferred(() =>
  z
    .strictObject({
      mode: z.enum(['full', 'summary', 'withheld']).meta({ description: 'The whole text, a summary, or not published' }),
      where: plainLine(500).optional().meta({ description: 'Where it is published (a web address or a place); required unless withheld' }),
      reason: plainText(2_000).optional().meta({ description: 'Why it is withheld or only summarised; required unless published in full' }),
    })
    .superRefine((publication, ctx) => {
      if (publication.mode !== 'withheld' && !publication.where?.trim()) ctx.addIssue({ code: 'custom', path: ['where'], message: 'say where it is published' });
      if (publication.mode !== 'full' && !publication.reason?.trim()) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'say why it is not published in full' });
    })
    .meta({ id: 'PublicationRequest' }),
);
export type TPublicationRequest = z.infer<typeof ZPublicationRequest>;

export const ZPublication = deferred(() =>
  z
    .object({
      mode: z.enum(['full', 'summary', 'withheld']),
      where: z.string().nullable(),
      reason: z.string().nullable(),
      recordedAt: z.string(),
      recordedBy: z.string(),
    })
    .meta({ id: 'Publication' }),
);
export type TPublication = z.infer<typeof ZPublication>;

export const ZPartyInput = deferred(() =>
  z.strictObject({
    agencyId: ZSlug,
    assessment: ZAssessment.optional(),
    consultation: ZConsultation.optional().meta({ description: 'A policing body without its police force as a party: its consultation of the chief officer' }),
    requiredApprovals: z.int().min(1).optional().meta({ description: "Approvals the party needs (default: all its signatories)" }),
    signatories: z.array(ZSignatoryInput).max(MAX_SIGNATORIES_PER_PARTY).optional(),
    leaving: z.boolean().optional().meta({
      description: 'In a variation: this party of the agreement in force leaves it, and consents to that by signing the variation',
    }),
  }),
);
export type TPartyInput = z.infer<typeof ZPartyInput>;

/** Fields a drafter sets; every one is optional in a PATCH, and `null` clears an optional one. */
const draftFields = {
  title: plainLine(300),
  summary: plainText(5_000),
  legalBasis: ZLegalBasis,
  functions: z.array(plainLine(300)).max(50),
  body: ZBody,
  withdrawalTerms: plainText(20_000),
  parties: z.array(ZPartyInput).max(MAX_PARTIES),
  legalContacts: z.array(ZEmail).max(MAX_LEGAL_CONTACTS),
  reviewIntervalMonths: z.int().min(1).max(120),
  effectiveDate: ZIsoDate,
  nextReviewDate: ZIsoDate,
  expiryDate: ZIsoDate,
  publish: z.boolean(),
  publishExemptionReason: plainText(2_000),
};

export const ZCreateAgreementRequest = deferred(() =>
  z
    .strictObject({
      ...draftFields,
      summary: draftFields.summary.optional(),
      legalBasis: draftFields.legalBasis.optional().meta({ description: 'Default PCA2017_S2' }),
      functions: draftFields.functions.optional(),
      body: draftFields.body.optional(),
      withdrawalTerms: draftFields.withdrawalTerms.optional(),
      parties: draftFields.parties.optional(),
      legalContacts: draftFields.legalContacts.optional(),
      reviewIntervalMonths: draftFields.reviewIntervalMonths.optional().meta({ description: 'Default 12' }),
      effectiveDate: draftFields.effectiveDate.optional(),
      nextReviewDate: draftFields.nextReviewDate.optional(),
      expiryDate: draftFields.expiryDate.optional(),
      publish: draftFields.publish.optional().meta({ description: 'Default true' }),
      publishExemptionReason: draftFields.publishExemptionReason.optional(),
      ownerAgencyId: ZSlug.optional().meta({
        description: "The drafting agency; defaults to the drafter's agency when they have exactly one",
      }),
    })
    .meta({ id: 'CreateAgreementRequest' }),
);
export type TCreateAgreementRequest = z.infer<typeof ZCreateAgreementRequest>;

/** An agreement signed outside Accord, entering in force: its parties, who signed for each and when. */
export const ZImportAgreementRequest = deferred(() =>
  z
    .strictObject({
      sourceReference: plainLine(100).meta({ description: 'Its reference in the records it comes from: importing it again creates nothing' }),
      title: draftFields.title,
      summary: draftFields.summary.optional(),
      legalBasis: draftFields.legalBasis.optional().meta({ description: 'Default PCA2017_S2' }),
      body: draftFields.body.optional().meta({ description: 'The text, when there is one to hand; the signed copy is what binds' }),
      withdrawalTerms: draftFields.withdrawalTerms.optional(),
      effectiveDate: ZIsoDate,
      nextReviewDate: ZIsoDate,
      expiryDate: ZIsoDate.optional(),
      publish: draftFields.publish.optional().meta({ description: 'Default true' }),
      publishExemptionReason: draftFields.publishExemptionReason.optional(),
      parties: z
        .array(
          z.strictObject({
            agencyId: ZSlug,
            signatories: z
              .array(z.strictObject({ name: plainLine(200), role: plainLine(200), email: ZEmail.optional(), signedOn: ZIsoDate }))
              .min(1)
              .max(MAX_SIGNATORIES_PER_PARTY),
          }),
        )
        .min(2)
        .max(MAX_PARTIES),
      signedCopySha256: z
        .string()
        .regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits')
        .optional()
        .meta({ description: 'SHA-256 of the signed copy: it becomes the document hash, found by /verify' }),
      attestation: plainText(2_000).pipe(z.string().trim().min(1, 'say how the signatures were checked')).meta({ description: 'How the importer satisfied themselves it was signed, e.g. the sealed copy held by legal services' }),
    })
    .meta({ id: 'ImportAgreementRequest' }),
);
export type TImportAgreementRequest = z.infer<typeof ZImportAgreementRequest>;

export const ZImportCsvRequest = deferred(() =>
  z
    .strictObject({
      csv: z.string().max(1_000_000).meta({ description: 'One row per signatory; see the contract (Importing agreements) for the columns' }),
      dryRun: z.boolean().default(true).meta({ description: 'Check every line and create nothing (the default)' }),
      attestation: ZImportAgreementRequest.shape.attestation,
    })
    .meta({ id: 'ImportCsvRequest' }),
);

export const ZImportCsvResult = deferred(() =>
  z
    .object({
      dryRun: z.boolean(),
      agreements: z.array(
        z.object({
          sourceReference: z.string(),
          lines: z.array(z.int()),
          outcome: z.enum(['created', 'would_create', 'exists', 'invalid']),
          agreementId: z.string().nullable(),
          errors: z.array(z.object({ line: z.int(), field: z.string(), message: z.string() })),
        }),
      ),
    })
    .meta({ id: 'ImportCsvResult' }),
);
export type TImportCsvResult = z.infer<typeof ZImportCsvResult>;

const CLEARABLE_FIELDS = [
  'withdrawalTerms',
  'effectiveDate',
  'nextReviewDate',
  'expiryDate',
  'publishExemptionReason',
] as const;
export type TClearableField = (typeof CLEARABLE_FIELDS)[number];

export const ZPatchAgreementRequest = deferred(() =>
  z
    .strictObject({
      title: draftFields.title.optional(),
      summary: draftFields.summary.optional(),
      legalBasis: draftFields.legalBasis.optional(),
      functions: draftFields.functions.optional(),
      body: draftFields.body.optional(),
      parties: draftFields.parties.optional().meta({ description: 'Replaces the whole list' }),
      legalContacts: draftFields.legalContacts.optional(),
      reviewIntervalMonths: draftFields.reviewIntervalMonths.optional(),
      publish: draftFields.publish.optional(),
      withdrawalTerms: draftFields.withdrawalTerms.nullable().optional(),
      effectiveDate: draftFields.effectiveDate.nullable().optional(),
      nextReviewDate: draftFields.nextReviewDate.nullable().optional(),
      expiryDate: draftFields.expiryDate.nullable().optional(),
      publishExemptionReason: draftFields.publishExemptionReason.nullable().optional(),
    })
    .refine((patch) => Object.keys(patch).length > 0, 'name at least one field to change')
    .meta({ id: 'PatchAgreementRequest', description: 'Merge patch of a draft; `null` clears an optional field' }),
);
export type TPatchAgreementRequest = z.infer<typeof ZPatchAgreementRequest>;

export const DECLINE_REASON_CODES = ['public_safety', 'efficiency_effectiveness', 'nhs_impact', 'other'] as const;
export const ZDeclineReasonCode = deferred(() =>
  z.enum(DECLINE_REASON_CODES).meta({
    description: 'The statutory ground for declining (Policing and Crime Act 2017 s.3)',
  }),
);

/** What was captured when a signatory decided: the evidence a court would ask for. */
/** A signatory who cannot sign after all (they left their post; someone signs in their place by delegation). */
export const ZReplaceSignatoryRequest = deferred(() =>
  z
    .strictObject({
      name: plainLine(200).meta({ description: "As the agency's list gives it; the list's entry is what is recorded" }),
      role: plainLine(200),
      email: ZEmail.meta({ description: "Must be on the party agency's list of authorised signatories" }),
      kind: z.enum(['replacement', 'delegation']),
      reason: plainText(2_000).refine((text) => text.trim().length > 0, 'give a reason'),
    })
    .meta({ id: 'ReplaceSignatoryRequest' }),
);
export type TReplaceSignatoryRequest = z.infer<typeof ZReplaceSignatoryRequest>;

export const ZDecisionEvidence = deferred(() =>
  z.object({
    signedName: z.string().nullable(),
    ip: z.string().nullable().meta({ description: 'Null once reduced after the evidence retention period' }),
    userAgent: z.string().nullable().meta({ description: 'Null once reduced after the evidence retention period' }),
    documentSha256: z.string(),
    reasonCode: ZDeclineReasonCode.nullable(),
    imported: z
      .object({ attestedBy: z.string() })
      .nullable()
      .default(null)
      .meta({ description: 'Signed outside Accord: who attested the signature (how, in the `imported` audit event)' }),
  }),
);

export type TDecisionEvidence = z.infer<typeof ZDecisionEvidence>;

export const ZSignatory = deferred(() =>
  z.object({
    id: ZUlid,
    name: z.string(),
    role: z.string(),
    email: z.string(),
    order: z.int(),
    status: ZSignatoryStatus,
    requestedAt: z.string().nullable().default(null),
    decidedAt: z.string().nullable(),
    reason: z.string().nullable(),
    evidence: ZDecisionEvidence.nullable().default(null),
  }),
);
export type TSignatory = z.infer<typeof ZSignatory>;

export const ZParty = deferred(() =>
  z.object({
    agencyId: ZSlug,
    agencyName: z.string(),
    agencyType: ZAgencyType,
    policingBodyId: ZSlug.nullable().default(null).meta({ description: 'For a police force: its policing body, when the record was made' }),
    assessment: ZAssessment,
    consultation: ZConsultation.nullable().default(null),
    publication: ZPublication.nullable().default(null).meta({ description: 'How this party publishes the agreement once in force, as it recorded' }),
    requiredApprovals: z.int(),
    signatories: z.array(ZSignatory),
    leaving: z.boolean().default(false).meta({ description: 'Signs this version to consent to leaving; not a party once it is in force' }),
  }),
);
export type TParty = z.infer<typeof ZParty>;

/** The parties an agreement binds: a party leaving by this version signs it but is no longer bound by it. */
export const continuingParties = (agreement: Pick<TAgreement, 'parties'>) => agreement.parties.filter((party) => !party.leaving);

const SIGNED_STATUSES: readonly string[] = ['in_force', 'superseded', 'terminated', 'expired'];
/** Signed by every party and so in force at some time: in force now, or superseded, terminated or expired since. */
export const hasBeenInForce = (status: TAgreementStatus) => SIGNED_STATUSES.includes(status);

/** The parties of a version as it stands: before it is signed every party takes part, a leaving one included; after, only those it binds. */
export const partiesNow = (agreement: Pick<TAgreement, 'parties' | 'status'>) =>
  hasBeenInForce(agreement.status) ? continuingParties(agreement) : agreement.parties;

/** A party's notice that it leaves an agreement in force, under its withdrawal terms. */
export const ZWithdrawalNotice = deferred(() =>
  z
    .object({
      agencyId: ZSlug,
      agencyName: z.string(),
      effectiveDate: ZIsoDate,
      reason: z.string(),
      givenAt: z.string(),
      givenBy: z.string(),
    })
    .meta({ id: 'WithdrawalNotice' }),
);
export type TWithdrawalNotice = z.infer<typeof ZWithdrawalNotice>;

export const ZWithdrawalNoticeRequest = deferred(() =>
  z
    .strictObject({
      agencyId: ZSlug.meta({ description: 'The party leaving' }),
      effectiveDate: ZIsoDate.meta({ description: 'The day it leaves: today or later, as the withdrawal terms allow' }),
      reason: plainText(5_000).pipe(z.string().trim().min(1, 'give a reason')),
    })
    .meta({ id: 'WithdrawalNoticeRequest' }),
);
export type TWithdrawalNoticeRequest = z.infer<typeof ZWithdrawalNoticeRequest>;

export const REVIEW_OUTCOMES = ['continue', 'vary', 'terminate'] as const;

export const ZReviewRecord = deferred(() =>
  z.object({
    at: z.string(),
    by: z.string(),
    outcome: z.enum(REVIEW_OUTCOMES),
    notes: z.string(),
    nextReviewDate: ZIsoDate.nullable(),
  }),
);

/** A party's agreement to end the agreement: who approved, when, from where. */
export const ZTerminationApproval = deferred(() => z.object({ at: z.string(), signedName: z.string(), ip: z.string().nullable(), userAgent: z.string().nullable() }));

/** Ending by agreement of the parties (PA 1996 s.23C): every party's signatories approve, as in sign-off. */
export const ZTerminationRound = deferred(() =>
  z.object({
    reason: z.string(),
    effectiveDate: ZIsoDate,
    requestedBy: z.string(),
    requestedAt: z.string(),
    asked: z.array(z.string()).optional().meta({ description: 'The signatories asked: those still authorised by their agency when the round opened (absent: all)' }),
    required: z.record(z.string(), z.int()).default({}).meta({ description: 'Approvals each party (by agency id) needs to agree (absent: its requiredApprovals)' }),
    approvals: z.record(z.string(), ZTerminationApproval).meta({ description: 'By signatory id' }),
    agreedAt: z.string().nullable().meta({ description: 'When the last party agreed; it ends on effectiveDate' }),
  }),
);
export type TTerminationRound = z.infer<typeof ZTerminationRound>;

export const ZAgreement = deferred(() =>
  z
    .object({
      id: ZUlid,
      reference: z.string().meta({ example: 'CA-2026-0007' }),
      version: z.int().min(1),
      supersedes: ZUlid.nullable(),
      title: z.string(),
      summary: z.string(),
      legalBasis: ZLegalBasis,
      functions: z.array(z.string()),
      body: z.string(),
      attachments: z.array(ZAttachment).default([]).meta({ description: 'The agreement as a file and its schedules; their hashes are part of the document hash' }),
      withdrawalTerms: z.string().nullable(),
      documentSha256: z.string().nullable(),
      executedCopy: ZExecutedCopy.nullable().default(null).meta({ description: 'The sealed PDF, once this version is in force (GET /agreements/{id}/executed.pdf)' }),
      parties: z.array(ZParty),
      owner: z.string(),
      ownerAgencyId: ZSlug.nullable(),
      legalContacts: z.array(z.string()),
      status: ZAgreementStatus,
      effectiveDate: ZIsoDate.nullable(),
      reviewIntervalMonths: z.int(),
      nextReviewDate: ZIsoDate.nullable(),
      expiryDate: ZIsoDate.nullable(),
      publish: z.boolean(),
      publishExemptionReason: z.string().nullable(),
      undelivered: z
        .array(z.object({ template: z.string(), to: z.string(), at: z.string() }))
        .default([])
        .meta({ description: 'Emails that could not be delivered after retries' }),
      reviews: z.array(ZReviewRecord).default([]).meta({ description: 'Reviews recorded on this version, oldest first' }),
      termination: z
        .object({ reason: z.string(), effectiveDate: ZIsoDate, at: z.string(), by: z.string() })
        .nullable()
        .default(null),
      terminationRound: ZTerminationRound.nullable()
        .default(null)
        .meta({ description: 'An open round asking every party to agree to end the agreement, or one agreed to take effect later' }),
      proposalId: ZUlid.nullable().default(null).meta({ description: 'The collaboration proposal this agreement was drafted from' }),
      withdrawalNotices: z
        .array(ZWithdrawalNotice)
        .default([])
        .meta({ description: 'Parties that gave notice to leave under the withdrawal terms (PCA 2017 s.4(7)), until their date comes' }),
      revision: z.int().min(1),
      createdAt: z.string(),
      updatedAt: z.string(),
    })
    .meta({ id: 'Agreement' }),
);
export type TAgreement = z.infer<typeof ZAgreement>;

/** What a list shows of an agreement: enough to track it without loading its text. */
export const ZAgreementSummary = deferred(() =>
  ZAgreement.pick({
    id: true,
    reference: true,
    documentSha256: true,
    version: true,
    title: true,
    summary: true,
    legalBasis: true,
    status: true,
    owner: true,
    effectiveDate: true,
    nextReviewDate: true,
    createdAt: true,
    updatedAt: true,
  })
    .extend({
      // Lists written before it was kept read as no end date until the agreement next changes.
      expiryDate: ZIsoDate.nullable().default(null),
      parties: z.array(z.object({ agencyId: ZSlug, agencyName: z.string(), publication: ZPublication.nullable().default(null) })),
      awaiting: z.array(z.string()).meta({ description: 'Names of signatories whose decision is still awaited' }),
    })
    .meta({ id: 'AgreementSummary' }),
);
export type TAgreementSummary = z.infer<typeof ZAgreementSummary>;

export const ZAgreementList = deferred(() =>
  z
    .object({ items: z.array(ZAgreementSummary), nextCursor: z.string().nullable() })
    .meta({ id: 'AgreementList' }),
);

export const ZListAgreementsQuery = deferred(() =>
  z.strictObject({
    status: ZAgreementStatus.optional(),
    agency: ZSlug.optional(),
    legalBasis: ZLegalBasis.optional(),
    sort: z.enum(['newest', 'oldest']).optional().meta({ description: 'By when each was drafted: newest first (the default) or oldest; with reviewDueBefore, soonest review first' }),
    reviewDueBefore: ZIsoDate.optional().meta({ description: 'In-force agreements whose next review is on or before this date' }),
    q: plainLine(100).pipe(z.string().min(2)).optional().meta({ description: 'Words in the reference, title, summary, party names, or signatory names and emails' }),
    cursor: z.string().max(512).optional(),
    limit: z.coerce.number().int().min(1).max(100).optional(),
  }),
);
export type TListAgreementsQuery = z.infer<typeof ZListAgreementsQuery>;

/** Path parameters; not strict, because a proxy route adds its own `proxy` parameter. */
export const ZRecordReviewRequest = deferred(() =>
  z
    .strictObject({
      outcome: z.enum(REVIEW_OUTCOMES).meta({ description: 'continue: set the next review date; vary: also open a variation draft; terminate: end it' }),
      notes: plainText(20_000).pipe(z.string().trim().min(1, 'record what the review found')),
      nextReviewDate: ZIsoDate.optional().meta({ description: 'Default: today plus reviewIntervalMonths' }),
    })
    .meta({ id: 'RecordReviewRequest' }),
);
export type TRecordReviewRequest = z.infer<typeof ZRecordReviewRequest>;

/** A reason given for a transition: withdrawing from signature, withdrawing a termination request. */
export const ZReasonRequest = deferred(() => z.strictObject({ reason: plainText(5_000).refine((text) => text.trim().length > 0, 'give a reason') }).meta({ id: 'ReasonRequest' }));

export const MAX_TERMINATION_REASON = 5_000;

export const ZTerminationRequest = deferred(() =>
  z
    .strictObject({
      reason: plainText(MAX_TERMINATION_REASON).pipe(z.string().trim().min(1, 'give a reason')),
      effectiveDate: ZIsoDate.optional().meta({ description: "When it ends, once every party agrees: today (the default) or later; not before the agreement's effective date" }),
    })
    .meta({ id: 'TerminationRequest', description: "Asks every party's signatories to agree to end the agreement" }),
);
export type TTerminationRequest = z.infer<typeof ZTerminationRequest>;

export const ZTerminateRequest = deferred(() =>
  z
    .strictObject({
      reason: plainText(5_000).pipe(z.string().trim().min(1, 'give a reason')),
      evidence: plainText(5_000)
        .pipe(z.string().trim().min(1, 'say where every party agreed to end it'))
        .meta({ description: 'Where and when every party agreed to end it outside Accord (minutes, letters, their references)' }),
      effectiveDate: ZIsoDate.optional().meta({ description: "Default: today; not before the agreement's effective date" }),
    })
    .meta({ id: 'TerminateRequest', description: 'Records a termination every party agreed outside Accord (admin only)' }),
);
export type TTerminateRequest = z.infer<typeof ZTerminateRequest>;

export const ZAgreementIdParams = deferred(() => z.object({ id: ZUlid }));
export const ZAgreementPartyParams = deferred(() => z.object({ id: ZUlid, agencyId: ZSlug }));

export { CLEARABLE_FIELDS };
