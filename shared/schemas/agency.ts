import * as z from 'zod/mini';
import { documented } from './documented';
import { plainLine, ZEmail, ZSlug } from './common';
import { deferred } from './deferred';

export const AGENCY_TYPES = ['police_force', 'policing_body', 'fire_and_rescue_authority', 'ambulance_trust', 'local_authority', 'other'] as const;

export const ZAgencyType = deferred(() => z.enum(AGENCY_TYPES));
export type TAgencyType = z.infer<typeof ZAgencyType>;

export const MAX_AUTHORISED_SIGNATORIES = 100;
export const MAX_EMAIL_DOMAINS = 10;
export const MAX_AGENCY_CONTACTS = 10;

/** Someone who may sign for an agency: only they can be named its signatory on an agreement. */
export const ZAuthorisedSignatory = deferred(() =>
  documented(z.strictObject({ name: plainLine(200), role: plainLine(200), email: ZEmail }), { id: 'AuthorisedSignatory' }),
);
export type TAuthorisedSignatory = z.infer<typeof ZAuthorisedSignatory>;

/**
 * Domains that many organisations share: listing one would authorise addresses of every force,
 * council or trust under it.
 */
const SHARED_SUFFIXES = new Set([
  ...['uk', 'gov.uk', 'police.uk', 'pnn.police.uk', 'nhs.uk', 'nhs.net', 'nhs.scot', 'hscni.net', 'cjsm.net', 'gsi.gov.uk', 'gcsx.gov.uk'],
  ...['org.uk', 'co.uk', 'ac.uk', 'sch.uk', 'ltd.uk', 'plc.uk', 'me.uk', 'net.uk', 'llyw.cymru', 'gov.wales', 'gov.scot', 'wales', 'scot', 'cymru'],
  ...['com', 'org', 'net', 'gov', 'gmail.com', 'outlook.com', 'hotmail.com', 'yahoo.com', 'icloud.com'],
]);

export const ZEmailDomain = deferred(() =>
  z.string().check(
    z.trim(),
    z.toLowerCase(),
    z.regex(/^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a domain name such as warwickshire.police.uk'),
    z.refine((domain) => !SHARED_SUFFIXES.has(domain), 'must be the agency’s own domain, not one that many organisations share'),
  ),
);

export const ZAgency = deferred(() =>
  documented(
    z.object({
      id: ZSlug,
      name: z.string(),
      type: ZAgencyType,
      policingBodyId: documented(z.optional(ZSlug), { description: 'For a police force: the policing body (PCC) that maintains it' }),
      // Read as stored: input rules may tighten, and a stored list must still load.
      signatories: documented(z._default(z.array(z.object({ name: z.string(), role: z.string(), email: z.string() })), []), {
        description: 'Who may sign for the agency',
      }),
      emailDomains: documented(z._default(z.array(z.string()), []), {
        description: 'When set, every authorised signatory has an address in one of these domains',
      }),
      legalContacts: documented(z._default(z.array(z.string()), []), { description: 'Told when the agency is named as a party' }),
      proposalContacts: documented(z._default(z.array(z.string()), []), {
        description: 'Sent collaboration proposals to record its view; when empty, its legal contacts are',
      }),
      publishProposalDeclines: documented(z._default(z.boolean(), false), { description: 'Whether its declines of proposals, with reasons, are published' }),
      revision: z._default(z.int(), 1),
      createdAt: z.string(),
    }),
    { id: 'Agency' },
  ),
);
export type TAgency = z.infer<typeof ZAgency>;

export const ZCreateAgencyRequest = deferred(() =>
  documented(
    z
      .strictObject({
        id: documented(z.optional(ZSlug), { description: 'Made from the name when not given' }),
        name: plainLine(200),
        type: ZAgencyType,
        policingBodyId: z.optional(ZSlug),
        legalContacts: documented(z.optional(z.array(ZEmail).check(z.maxLength(MAX_AGENCY_CONTACTS))), {
          description: 'Told when the agency is named as a party',
        }),
      })
      .check(
        z.superRefine((agency, ctx) => {
          if (agency.type === 'police_force' && !agency.policingBodyId) {
            ctx.addIssue({ code: 'custom', path: ['policingBodyId'], message: 'a police force needs the policing body that maintains it' });
          }
          if (agency.type !== 'police_force' && agency.policingBodyId) {
            ctx.addIssue({ code: 'custom', path: ['policingBodyId'], message: 'only a police force has a policing body' });
          }
        }),
      ),
    { id: 'CreateAgencyRequest' },
  ),
);
export type TCreateAgencyRequest = z.infer<typeof ZCreateAgencyRequest>;

export const ZAgencyList = deferred(() => documented(z.object({ items: z.array(ZAgency) }), { id: 'AgencyList' }));

const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1);
/** An address is in a domain when it is the domain itself or a subdomain of it. */
export const isInDomains = (email: string, domains: readonly string[]) =>
  domains.some((domain) => domainOf(email) === domain || domainOf(email).endsWith(`.${domain}`));

export const ZAuthorisedSignatoriesRequest = deferred(() =>
  documented(
    z
      .strictObject({
        signatories: z.array(ZAuthorisedSignatory).check(z.maxLength(MAX_AUTHORISED_SIGNATORIES)),
        emailDomains: documented(z.optional(z.array(ZEmailDomain).check(z.maxLength(MAX_EMAIL_DOMAINS))), { description: 'Kept as they are when not given' }),
      })
      .check(
        z.superRefine((request, ctx) => {
          const seen = new Set<string>();
          request.signatories.forEach((signatory, index) => {
            if (seen.has(signatory.email)) ctx.addIssue({ code: 'custom', path: ['signatories', index, 'email'], message: 'already on the list' });
            seen.add(signatory.email);
          });
        }),
      ),
    { id: 'AuthorisedSignatoriesRequest' },
  ),
);
export type TAuthorisedSignatoriesRequest = z.infer<typeof ZAuthorisedSignatoriesRequest>;

export const ZAuthorisedSignatories = deferred(() =>
  documented(z.object({ agencyId: ZSlug, signatories: z.array(ZAuthorisedSignatory), emailDomains: z.array(z.string()) }), { id: 'AuthorisedSignatories' }),
);

export const ZLegalContactsRequest = deferred(() =>
  documented(z.strictObject({ legalContacts: z.array(ZEmail).check(z.minLength(1, 'name at least one contact'), z.maxLength(MAX_AGENCY_CONTACTS)) }), {
    id: 'LegalContactsRequest',
  }),
);

export const ZAgencyIdParams = deferred(() => z.object({ id: ZSlug }));
