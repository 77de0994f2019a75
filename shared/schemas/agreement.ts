import * as z from 'zod/mini';
import { documented } from './documented';
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
  documented(z.enum(LEGAL_BASES), {
    description: 'PCA2017_S2: Policing and Crime Act 2017 s.2; PA1996_S22A: Police Act 1996 s.22A; OTHER',
  }),
);
export type TLegalBasis = z.infer<typeof ZLegalBasis>;

export const AGREEMENT_STATUSES = ['draft', 'awaiting_signatures', 'in_force', 'declined', 'withdrawn', 'terminated', 'expired', 'superseded'] as const;
export const ZAgreementStatus = deferred(() => z.enum(AGREEMENT_STATUSES));
export type TAgreementStatus = z.infer<typeof ZAgreementStatus>;

/** `not_required`: the signatory's party reached its k approvals without them, so their request was closed. */
export const ZSignatoryStatus = deferred(() => z.enum(['pending', 'requested', 'approved', 'declined', 'expired', 'bounced', 'not_required']));
export type TSignatoryStatus = z.infer<typeof ZSignatoryStatus>;

export const ZAssessment = deferred(() =>
  z.strictObject({
    efficiencyEffectiveness: documented(z.optional(plainText(10_000)), {
      description: "The party's assessment of the effect on its efficiency or effectiveness",
    }),
    publicSafety: documented(z.optional(plainText(10_000)), { description: "The party's assessment of the effect on public safety" }),
  }),
);

const ZBody = deferred(() =>
  documented(
    plainText(MAX_BODY_BYTES).check(z.refine((body) => Buffer.byteLength(body, 'utf8') <= MAX_BODY_BYTES, `must be at most ${MAX_BODY_BYTES} bytes`)),
    { description: 'The agreement text, Markdown, at most 200 KB' },
  ),
);

export const ZSignatoryInput = deferred(() =>
  z.strictObject({
    name: plainLine(200),
    role: plainLine(200),
    email: ZEmail,
    order: documented(z.optional(z.int().check(z.gte(1), z.lte(20))), { description: 'Routing group: lowest first, equal in parallel (default 1)' }),
  }),
);

/**
 * A policing body entering an agreement without its chief officer records that it consulted them
 * first (PCA 2017 s.3(11); Police Act 1996 s.23A(6)).
 */
export const ZConsultation = deferred(() =>
  documented(
    z.strictObject({
      consultedOn: documented(ZIsoDate, { description: 'When the chief officer was consulted; not after today' }),
      chiefOfficer: documented(plainLine(200), { description: 'Who was consulted, e.g. the Chief Constable of Warwickshire Police' }),
      outcome: plainText(5_000).check(z.refine((text) => text.trim().length > 0, 'say what the chief officer said')),
    }),
    { id: 'Consultation' },
  ),
);
export type TConsultation = z.infer<typeof ZConsultation>;

/** How one party publishes the agreement in its own publication scheme (Police Act 1996 s.23E). */
export const ZPublicationRequest = deferred(() =>
  documented(
    z
      .strictObject({
        mode: documented(z.enum(['full', 'summary', 'withheld']), { description: 'The whole text, a summary, or not published' }),
        where: documented(z.optional(plainLine(500)), { description: 'Where it is published (a web address or a place); required unless withheld' }),
        reason: documented(z.optional(plainText(2_000)), { description: 'Why it is withheld or only summarised; required unless published in full' }),
      })
      .check(
        z.superRefine((publication, ctx) => {
          if (publication.mode !== 'withheld' && !publication.where?.trim())
            ctx.addIssue({ code: 'custom', path: ['where'], message: 'say where it is published' });
          if (publication.mode !== 'full' && !publication.reason?.trim())
            ctx.addIssue({ code: 'custom', path: ['reason'], message: 'say why it is not published in full' });
        }),
      ),
    { id: 'PublicationRequest' },
  ),
);
export type TPublicationRequest = z.infer<typeof ZPublicationRequest>;

export const ZPublication = deferred(() =>
  documented(
    z.object({
      mode: z.enum(['full', 'summary', 'withheld']),
      where: z.nullable(z.string()),
      reason: z.nullable(z.string()),
      recordedAt: z.string(),
      recordedBy: z.string(),
    }),
    { id: 'Publication' },
  ),
);
export type TPublication = z.infer<typeof ZPublication>;

export const ZPartyInput = deferred(() =>
  z.strictObject({
    agencyId: ZSlug,
    assessment: z.optional(ZAssessment),
    consultation: documented(z.optional(ZConsultation), {
      description: 'A policing body without its police force as a party: its consultation of the chief officer',
    }),
    requiredApprovals: documented(z.optional(z.int().check(z.gte(1))), { description: 'Approvals the party needs (default: all its signatories)' }),
    signatories: z.optional(z.array(ZSignatoryInput).check(z.maxLength(MAX_SIGNATORIES_PER_PARTY))),
    leaving: documented(z.optional(z.boolean()), {
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
  functions: z.array(plainLine(300)).check(z.maxLength(50)),
  body: ZBody,
  withdrawalTerms: plainText(20_000),
  parties: z.array(ZPartyInput).check(z.maxLength(MAX_PARTIES)),
  legalContacts: z.array(ZEmail).check(z.maxLength(MAX_LEGAL_CONTACTS)),
  reviewIntervalMonths: z.int().check(z.gte(1), z.lte(120)),
  effectiveDate: ZIsoDate,
  nextReviewDate: ZIsoDate,
  expiryDate: ZIsoDate,
  publish: z.boolean(),
  publishExemptionReason: plainText(2_000),
};

export const ZCreateAgreementRequest = deferred(() =>
  documented(
    z.strictObject({
      ...draftFields,
      summary: z.optional(draftFields.summary),
      legalBasis: documented(z.optional(draftFields.legalBasis), { description: 'Default PCA2017_S2' }),
      functions: z.optional(draftFields.functions),
      body: z.optional(draftFields.body),
      withdrawalTerms: z.optional(draftFields.withdrawalTerms),
      parties: z.optional(draftFields.parties),
      legalContacts: z.optional(draftFields.legalContacts),
      reviewIntervalMonths: documented(z.optional(draftFields.reviewIntervalMonths), { description: 'Default 12' }),
      effectiveDate: z.optional(draftFields.effectiveDate),
      nextReviewDate: z.optional(draftFields.nextReviewDate),
      expiryDate: z.optional(draftFields.expiryDate),
      publish: documented(z.optional(draftFields.publish), { description: 'Default true' }),
      publishExemptionReason: z.optional(draftFields.publishExemptionReason),
      ownerAgencyId: documented(z.optional(ZSlug), {
        description: "The drafting agency; defaults to the drafter's agency when they have exactly one",
      }),
    }),
    { id: 'CreateAgreementRequest' },
  ),
);
export type TCreateAgreementRequest = z.infer<typeof ZCreateAgreementRequest>;

/** An agreement signed outside Accord, entering in force: its parties, who signed for each and when. */
export const ZImportAgreementRequest = deferred(() =>
  documented(
    z.strictObject({
      sourceReference: documented(plainLine(100), { description: 'Its reference in the records it comes from: importing it again creates nothing' }),
      title: draftFields.title,
      summary: z.optional(draftFields.summary),
      legalBasis: documented(z.optional(draftFields.legalBasis), { description: 'Default PCA2017_S2' }),
      body: documented(z.optional(draftFields.body), { description: 'The text, when there is one to hand; the signed copy is what binds' }),
      withdrawalTerms: z.optional(draftFields.withdrawalTerms),
      effectiveDate: ZIsoDate,
      nextReviewDate: ZIsoDate,
      expiryDate: z.optional(ZIsoDate),
      publish: documented(z.optional(draftFields.publish), { description: 'Default true' }),
      publishExemptionReason: z.optional(draftFields.publishExemptionReason),
      parties: z
        .array(
          z.strictObject({
            agencyId: ZSlug,
            signatories: z
              .array(z.strictObject({ name: plainLine(200), role: plainLine(200), email: z.optional(ZEmail), signedOn: ZIsoDate }))
              .check(z.minLength(1), z.maxLength(MAX_SIGNATORIES_PER_PARTY)),
          }),
        )
        .check(z.minLength(2), z.maxLength(MAX_PARTIES)),
      signedCopySha256: documented(z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits'))), {
        description: 'SHA-256 of the signed copy: it becomes the document hash, found by /verify',
      }),
      attestation: documented(z.pipe(plainText(2_000), z.string().check(z.trim(), z.minLength(1, 'say how the signatures were checked'))), {
        description: 'How the importer satisfied themselves it was signed, e.g. the sealed copy held by legal services',
      }),
    }),
    { id: 'ImportAgreementRequest' },
  ),
);
export type TImportAgreementRequest = z.infer<typeof ZImportAgreementRequest>;

export const ZImportCsvRequest = deferred(() =>
  documented(
    z.strictObject({
      csv: documented(z.string().check(z.maxLength(1_000_000)), {
        description: 'One row per signatory; see the contract (Importing agreements) for the columns',
      }),
      dryRun: documented(z._default(z.boolean(), true), { description: 'Check every line and create nothing (the default)' }),
      attestation: ZImportAgreementRequest.shape.attestation,
    }),
    { id: 'ImportCsvRequest' },
  ),
);

export const ZImportCsvResult = deferred(() =>
  documented(
    z.object({
      dryRun: z.boolean(),
      agreements: z.array(
        z.object({
          sourceReference: z.string(),
          lines: z.array(z.int()),
          outcome: z.enum(['created', 'would_create', 'exists', 'invalid']),
          agreementId: z.nullable(z.string()),
          errors: z.array(z.object({ line: z.int(), field: z.string(), message: z.string() })),
        }),
      ),
    }),
    { id: 'ImportCsvResult' },
  ),
);
export type TImportCsvResult = z.infer<typeof ZImportCsvResult>;

const CLEARABLE_FIELDS = ['withdrawalTerms', 'effectiveDate', 'nextReviewDate', 'expiryDate', 'publishExemptionReason'] as const;
export type TClearableField = (typeof CLEARABLE_FIELDS)[number];

export const ZPatchAgreementRequest = deferred(() =>
  documented(
    z
      .strictObject({
        title: z.optional(draftFields.title),
        summary: z.optional(draftFields.summary),
        legalBasis: z.optional(draftFields.legalBasis),
        functions: z.optional(draftFields.functions),
        body: z.optional(draftFields.body),
        parties: documented(z.optional(draftFields.parties), { description: 'Replaces the whole list' }),
        legalContacts: z.optional(draftFields.legalContacts),
        reviewIntervalMonths: z.optional(draftFields.reviewIntervalMonths),
        publish: z.optional(draftFields.publish),
        withdrawalTerms: z.optional(z.nullable(draftFields.withdrawalTerms)),
        effectiveDate: z.optional(z.nullable(draftFields.effectiveDate)),
        nextReviewDate: z.optional(z.nullable(draftFields.nextReviewDate)),
        expiryDate: z.optional(z.nullable(draftFields.expiryDate)),
        publishExemptionReason: z.optional(z.nullable(draftFields.publishExemptionReason)),
      })
      .check(z.refine((patch) => Object.keys(patch).length > 0, 'name at least one field to change')),
    { id: 'PatchAgreementRequest', description: 'Merge patch of a draft; `null` clears an optional field' },
  ),
);
export type TPatchAgreementRequest = z.infer<typeof ZPatchAgreementRequest>;

export const DECLINE_REASON_CODES = ['public_safety', 'efficiency_effectiveness', 'nhs_impact', 'other'] as const;
export const ZDeclineReasonCode = deferred(() =>
  documented(z.enum(DECLINE_REASON_CODES), {
    description: 'The statutory ground for declining (Policing and Crime Act 2017 s.3)',
  }),
);

/** What was captured when a signatory decided: the evidence a court would ask for. */
/** A signatory who cannot sign after all (they left their post; someone signs in their place by delegation). */
export const ZReplaceSignatoryRequest = deferred(() =>
  documented(
    z.strictObject({
      name: documented(plainLine(200), { description: "As the agency's list gives it; the list's entry is what is recorded" }),
      role: plainLine(200),
      email: documented(ZEmail, { description: "Must be on the party agency's list of authorised signatories" }),
      kind: z.enum(['replacement', 'delegation']),
      reason: plainText(2_000).check(z.refine((text) => text.trim().length > 0, 'give a reason')),
    }),
    { id: 'ReplaceSignatoryRequest' },
  ),
);
export type TReplaceSignatoryRequest = z.infer<typeof ZReplaceSignatoryRequest>;

export const ZDecisionEvidence = deferred(() =>
  z.object({
    signedName: z.nullable(z.string()),
    ip: documented(z.nullable(z.string()), { description: 'Null once reduced after the evidence retention period' }),
    userAgent: documented(z.nullable(z.string()), { description: 'Null once reduced after the evidence retention period' }),
    documentSha256: z.string(),
    reasonCode: z.nullable(ZDeclineReasonCode),
    imported: documented(z._default(z.nullable(z.object({ attestedBy: z.string() })), null), {
      description: 'Signed outside Accord: who attested the signature (how, in the `imported` audit event)',
    }),
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
    requestedAt: z._default(z.nullable(z.string()), null),
    decidedAt: z.nullable(z.string()),
    reason: z.nullable(z.string()),
    evidence: z._default(z.nullable(ZDecisionEvidence), null),
  }),
);
export type TSignatory = z.infer<typeof ZSignatory>;

export const ZParty = deferred(() =>
  z.object({
    agencyId: ZSlug,
    agencyName: z.string(),
    agencyType: ZAgencyType,
    policingBodyId: documented(z._default(z.nullable(ZSlug), null), { description: 'For a police force: its policing body, when the record was made' }),
    assessment: ZAssessment,
    consultation: z._default(z.nullable(ZConsultation), null),
    publication: documented(z._default(z.nullable(ZPublication), null), {
      description: 'How this party publishes the agreement once in force, as it recorded',
    }),
    requiredApprovals: z.int(),
    signatories: z.array(ZSignatory),
    leaving: documented(z._default(z.boolean(), false), { description: 'Signs this version to consent to leaving; not a party once it is in force' }),
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
  documented(
    z.object({
      agencyId: ZSlug,
      agencyName: z.string(),
      effectiveDate: ZIsoDate,
      reason: z.string(),
      givenAt: z.string(),
      givenBy: z.string(),
    }),
    { id: 'WithdrawalNotice' },
  ),
);
export type TWithdrawalNotice = z.infer<typeof ZWithdrawalNotice>;

export const ZWithdrawalNoticeRequest = deferred(() =>
  documented(
    z.strictObject({
      agencyId: documented(ZSlug, { description: 'The party leaving' }),
      effectiveDate: documented(ZIsoDate, { description: 'The day it leaves: today or later, as the withdrawal terms allow' }),
      reason: z.pipe(plainText(5_000), z.string().check(z.trim(), z.minLength(1, 'give a reason'))),
    }),
    { id: 'WithdrawalNoticeRequest' },
  ),
);
export type TWithdrawalNoticeRequest = z.infer<typeof ZWithdrawalNoticeRequest>;

export const REVIEW_OUTCOMES = ['continue', 'vary', 'terminate'] as const;

export const ZReviewRecord = deferred(() =>
  z.object({
    at: z.string(),
    by: z.string(),
    outcome: z.enum(REVIEW_OUTCOMES),
    notes: z.string(),
    nextReviewDate: z.nullable(ZIsoDate),
  }),
);

/** A party's agreement to end the agreement: who approved, when, from where. */
export const ZTerminationApproval = deferred(() =>
  z.object({ at: z.string(), signedName: z.string(), ip: z.nullable(z.string()), userAgent: z.nullable(z.string()) }),
);

/** Ending by agreement of the parties (PA 1996 s.23C): every party's signatories approve, as in sign-off. */
export const ZTerminationRound = deferred(() =>
  z.object({
    reason: z.string(),
    effectiveDate: ZIsoDate,
    requestedBy: z.string(),
    requestedAt: z.string(),
    asked: documented(z.optional(z.array(z.string())), {
      description: 'The signatories asked: those still authorised by their agency when the round opened (absent: all)',
    }),
    required: documented(z._default(z.record(z.string(), z.int()), {}), {
      description: 'Approvals each party (by agency id) needs to agree (absent: its requiredApprovals)',
    }),
    approvals: documented(z.record(z.string(), ZTerminationApproval), { description: 'By signatory id' }),
    agreedAt: documented(z.nullable(z.string()), { description: 'When the last party agreed; it ends on effectiveDate' }),
  }),
);
export type TTerminationRound = z.infer<typeof ZTerminationRound>;

export const ZAgreement = deferred(() =>
  documented(
    z.object({
      id: ZUlid,
      reference: documented(z.string(), { example: 'CA-2026-0007' }),
      version: z.int().check(z.gte(1)),
      supersedes: z.nullable(ZUlid),
      title: z.string(),
      summary: z.string(),
      legalBasis: ZLegalBasis,
      functions: z.array(z.string()),
      body: z.string(),
      attachments: documented(z._default(z.array(ZAttachment), []), {
        description: 'The agreement as a file and its schedules; their hashes are part of the document hash',
      }),
      withdrawalTerms: z.nullable(z.string()),
      documentSha256: z.nullable(z.string()),
      executedCopy: documented(z._default(z.nullable(ZExecutedCopy), null), {
        description: 'The sealed PDF, once this version is in force (GET /agreements/{id}/executed.pdf)',
      }),
      parties: z.array(ZParty),
      owner: z.string(),
      ownerAgencyId: z.nullable(ZSlug),
      legalContacts: z.array(z.string()),
      status: ZAgreementStatus,
      effectiveDate: z.nullable(ZIsoDate),
      reviewIntervalMonths: z.int(),
      nextReviewDate: z.nullable(ZIsoDate),
      expiryDate: z.nullable(ZIsoDate),
      publish: z.boolean(),
      publishExemptionReason: z.nullable(z.string()),
      undelivered: documented(z._default(z.array(z.object({ template: z.string(), to: z.string(), at: z.string() })), []), {
        description: 'Emails that could not be delivered after retries',
      }),
      reviews: documented(z._default(z.array(ZReviewRecord), []), { description: 'Reviews recorded on this version, oldest first' }),
      termination: z._default(z.nullable(z.object({ reason: z.string(), effectiveDate: ZIsoDate, at: z.string(), by: z.string() })), null),
      terminationRound: documented(z._default(z.nullable(ZTerminationRound), null), {
        description: 'An open round asking every party to agree to end the agreement, or one agreed to take effect later',
      }),
      proposalId: documented(z._default(z.nullable(ZUlid), null), { description: 'The collaboration proposal this agreement was drafted from' }),
      withdrawalNotices: documented(z._default(z.array(ZWithdrawalNotice), []), {
        description: 'Parties that gave notice to leave under the withdrawal terms (PCA 2017 s.4(7)), until their date comes',
      }),
      revision: z.int().check(z.gte(1)),
      createdAt: z.string(),
      updatedAt: z.string(),
    }),
    { id: 'Agreement' },
  ),
);
export type TAgreement = z.infer<typeof ZAgreement>;

/** What a list shows of an agreement: enough to track it without loading its text. */
export const ZAgreementSummary = deferred(() =>
  documented(
    z.extend(
      z.pick(ZAgreement, {
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
      }),
      {
        // Lists written before it was kept read as no end date until the agreement next changes.
        expiryDate: z._default(z.nullable(ZIsoDate), null),
        parties: z.array(z.object({ agencyId: ZSlug, agencyName: z.string(), publication: z._default(z.nullable(ZPublication), null) })),
        awaiting: documented(z.array(z.string()), { description: 'Names of signatories whose decision is still awaited' }),
      },
    ),
    { id: 'AgreementSummary' },
  ),
);
export type TAgreementSummary = z.infer<typeof ZAgreementSummary>;

export const ZAgreementList = deferred(() =>
  documented(z.object({ items: z.array(ZAgreementSummary), nextCursor: z.nullable(z.string()) }), { id: 'AgreementList' }),
);

export const ZListAgreementsQuery = deferred(() =>
  z.strictObject({
    status: z.optional(ZAgreementStatus),
    agency: z.optional(ZSlug),
    legalBasis: z.optional(ZLegalBasis),
    sort: documented(z.optional(z.enum(['newest', 'oldest'])), {
      description: 'By when each was drafted: newest first (the default) or oldest; with reviewDueBefore, soonest review first',
    }),
    reviewDueBefore: documented(z.optional(ZIsoDate), { description: 'In-force agreements whose next review is on or before this date' }),
    q: documented(z.optional(z.pipe(plainLine(100), z.string().check(z.minLength(2)))), {
      description: 'Words in the reference, title, summary, party names, or signatory names and emails',
    }),
    cursor: z.optional(z.string().check(z.maxLength(512))),
    limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(100))),
  }),
);
export type TListAgreementsQuery = z.infer<typeof ZListAgreementsQuery>;

/** Path parameters; not strict, because a proxy route adds its own `proxy` parameter. */
export const ZRecordReviewRequest = deferred(() =>
  documented(
    z.strictObject({
      outcome: documented(z.enum(REVIEW_OUTCOMES), { description: 'continue: set the next review date; vary: also open a variation draft; terminate: end it' }),
      notes: z.pipe(plainText(20_000), z.string().check(z.trim(), z.minLength(1, 'record what the review found'))),
      nextReviewDate: documented(z.optional(ZIsoDate), { description: 'Default: today plus reviewIntervalMonths' }),
    }),
    { id: 'RecordReviewRequest' },
  ),
);
export type TRecordReviewRequest = z.infer<typeof ZRecordReviewRequest>;

/** A reason given for a transition: withdrawing from signature, withdrawing a termination request. */
export const ZReasonRequest = deferred(() =>
  documented(z.strictObject({ reason: plainText(5_000).check(z.refine((text) => text.trim().length > 0, 'give a reason')) }), { id: 'ReasonRequest' }),
);

export const MAX_TERMINATION_REASON = 5_000;

export const ZTerminationRequest = deferred(() =>
  documented(
    z.strictObject({
      reason: z.pipe(plainText(MAX_TERMINATION_REASON), z.string().check(z.trim(), z.minLength(1, 'give a reason'))),
      effectiveDate: documented(z.optional(ZIsoDate), {
        description: "When it ends, once every party agrees: today (the default) or later; not before the agreement's effective date",
      }),
    }),
    { id: 'TerminationRequest', description: "Asks every party's signatories to agree to end the agreement" },
  ),
);
export type TTerminationRequest = z.infer<typeof ZTerminationRequest>;

export const ZTerminateRequest = deferred(() =>
  documented(
    z.strictObject({
      reason: z.pipe(plainText(5_000), z.string().check(z.trim(), z.minLength(1, 'give a reason'))),
      evidence: documented(z.pipe(plainText(5_000), z.string().check(z.trim(), z.minLength(1, 'say where every party agreed to end it'))), {
        description: 'Where and when every party agreed to end it outside Accord (minutes, letters, their references)',
      }),
      effectiveDate: documented(z.optional(ZIsoDate), { description: "Default: today; not before the agreement's effective date" }),
    }),
    { id: 'TerminateRequest', description: 'Records a termination every party agreed outside Accord (admin only)' },
  ),
);
export type TTerminateRequest = z.infer<typeof ZTerminateRequest>;

export const ZAgreementIdParams = deferred(() => z.object({ id: ZUlid }));
export const ZAgreementPartyParams = deferred(() => z.object({ id: ZUlid, agencyId: ZSlug }));

export { CLEARABLE_FIELDS };
