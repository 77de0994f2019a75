import * as z from 'zod/mini';
import { documented } from './documented';
import { ZAgencyType } from './agency';
import { plainLine, plainText, ZSlug, ZUlid } from './common';
import { deferred } from './deferred';

/**
 * The statutory grounds on which a proposed party may decline (PCA 2017 s.3; Police Act 1996
 * s.22C): an adverse effect on public safety, on its own efficiency or effectiveness, or, for an
 * ambulance trust, on its other functions or the NHS.
 */
export const PROPOSAL_DECLINE_GROUNDS = ['public_safety', 'efficiency_effectiveness', 'other_functions_or_nhs'] as const;
export const ZProposalDeclineGround = deferred(() => z.enum(PROPOSAL_DECLINE_GROUNDS));

/** A proposed party's view, as its contact recorded it from the link in their email. */
export const ZProposalView = deferred(() =>
  documented(
    z.object({
      kind: documented(z.enum(['benefit', 'decline']), { description: 'benefit: it would serve the party’s efficiency or effectiveness' }),
      ground: z.nullable(ZProposalDeclineGround),
      reasons: z.string(),
      recordedAt: z.string(),
      recordedBy: z.object({ name: z.string(), email: z.string() }),
    }),
    { id: 'ProposalView' },
  ),
);
export type TProposalView = z.infer<typeof ZProposalView>;

export const ZProposalParty = deferred(() =>
  z.object({
    agencyId: ZSlug,
    agencyName: z.string(),
    agencyType: ZAgencyType,
    /** Whether the agency publishes its decline (its own option, set with its proposal contacts). */
    publishesDeclines: z.boolean(),
    view: z.nullable(ZProposalView),
  }),
);
export type TProposalParty = z.infer<typeof ZProposalParty>;

/**
 * A collaboration proposal (PCA 2017 s.2–3; Police Act 1996 s.22B–22C): who proposed it, to whom,
 * and each party's view. Two or more parties seeing a benefit means they must proceed; a draft
 * agreement among them is then opened from it.
 */
export const ZProposal = deferred(() =>
  documented(
    z.object({
      id: ZUlid,
      title: z.string(),
      summary: z.string(),
      proposerAgencyId: ZSlug,
      parties: documented(z.array(ZProposalParty), { description: 'The proposer first; it sees a benefit by proposing' }),
      mustProceed: documented(z.boolean(), { description: 'Two or more parties see a benefit: they must proceed to an agreement' }),
      draftAgreementId: z.nullable(ZUlid),
      createdAt: z.string(),
      createdBy: z.string(),
      revision: z.int().check(z.gte(1)),
    }),
    { id: 'Proposal' },
  ),
);
export type TProposal = z.infer<typeof ZProposal>;

export const ZProposalList = deferred(() => documented(z.object({ items: z.array(ZProposal) }), { id: 'ProposalList' }));

export const ZCreateProposalRequest = deferred(() =>
  documented(
    z.strictObject({
      title: plainLine(300),
      summary: z.pipe(plainText(5_000), z.string().check(z.trim(), z.minLength(1, 'say what is proposed'))),
      proposerAgencyId: ZSlug,
      agencyIds: documented(z.array(ZSlug).check(z.minLength(1), z.maxLength(11)), { description: 'The agencies proposed as parties, besides the proposer' }),
    }),
    { id: 'CreateProposalRequest' },
  ),
);
export type TCreateProposalRequest = z.infer<typeof ZCreateProposalRequest>;

export const ZProposalIdParams = deferred(() => z.object({ id: ZUlid }));

export const ZResendProposalRequest = deferred(() =>
  documented(z.strictObject({ agencyId: documented(ZSlug, { description: 'The proposed agency to send it to again' }) }), { id: 'ResendProposalRequest' }),
);

/** The form a proposed party's contact sends from their link. */
export const ZProposalViewForm = deferred(() =>
  z
    .object({
      view: z.enum(['benefit', 'decline'], { error: 'choose whether it would benefit your agency' }),
      ground: z.optional(ZProposalDeclineGround),
      reasons: z.pipe(plainText(10_000), z.string().check(z.trim(), z.minLength(1, 'give your reasons'))),
      name: plainLine(200),
    })
    .check(
      z.superRefine((form, ctx) => {
        if (form.view === 'decline' && !form.ground) ctx.addIssue({ code: 'custom', path: ['ground'], message: 'choose the statutory ground for declining' });
      }),
    ),
);
export type TProposalViewForm = z.infer<typeof ZProposalViewForm>;

/** A link a proposed party's contact records its view with; only the token's hash is kept. */
export const ZProposalLink = deferred(() =>
  z.object({
    requestId: z.string(),
    keyId: z.string(),
    tokenHash: z.string(),
    proposalId: z.string(),
    agencyId: z.string(),
    email: z.string(),
    linkExpiresAt: z.string(),
    state: z.enum(['open', 'used']),
  }),
);
export type TProposalLink = z.infer<typeof ZProposalLink>;

export const ZProposalContactsRequest = deferred(() =>
  documented(
    z.strictObject({
      proposalContacts: documented(z.array(z.email().check(z.maxLength(254), z.toLowerCase())).check(z.maxLength(10)), {
        description: 'Sent collaboration proposals to record the agency’s view; when empty, its legal contacts are',
      }),
      publishDeclines: documented(z.optional(z.boolean()), {
        description: 'Whether the agency’s declines of proposals, with its reasons, are published (default false)',
      }),
    }),
    { id: 'ProposalContactsRequest' },
  ),
);

/** A declined proposal as the public may read it, when the declining agency publishes its declines. */
export const ZPublishedDecline = deferred(() =>
  documented(
    z.object({
      proposalId: ZUlid,
      title: z.string(),
      proposer: z.string(),
      agency: z.string(),
      ground: ZProposalDeclineGround,
      reasons: z.string(),
      recordedAt: z.string(),
    }),
    { id: 'PublishedDecline' },
  ),
);
export type TPublishedDecline = z.infer<typeof ZPublishedDecline>;

export const ZPublishedDeclineList = deferred(() => documented(z.object({ items: z.array(ZPublishedDecline) }), { id: 'PublishedDeclineList' }));
