import * as z from 'zod';
import { plainLine, ZEmail, ZSlug } from './common';
import { deferred } from './deferred';

export const AGENCY_TYPES = [
  'police_force',
  'policing_body',
  'fire_and_rescue_authority',
  'ambulance_trust',
  'local_authority',
  'other',
] as const;

export const ZAgencyType = deferred(() => z.enum(AGENCY_TYPES));
export type TAgencyType = z.infer<typeof ZAgencyType>;

export const MAX_AUTHORISED_SIGNATORIES = 100;
export const MAX_EMAIL_DOMAINS = 10;
export const MAX_AGENCY_CONTACTS = 10;

/** Someone who may sign for an agency: only they can be named its signatory on an agreement. */
export const ZAuthorisedSignatory = deferred(() => z.strictObject({ name: plainLine(200), role: plainLine(200), email: ZEmail }).meta({ id: 'AuthorisedSignatory' }));
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
  z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a domain name such as warwickshire.police.uk')
    .refine((domain) => !SHARED_SUFFIXES.has(domain), 'must be the agency’s own domain, not one that many organisations share'),
);

export const ZAgency = deferred(() =>
  z
    .object({
      id: ZSlug,
      name: z.string(),
      type: ZAgencyType,
      policingBodyId: ZSlug.optional().meta({ description: 'For a police force: the policing body (PCC) that maintains it' }),
      // Read as stored: input rules may tighten, and a stored list must still load.
      signatories: z.array(z.object({ name: z.string(), role: z.string(), email: z.string() })).default([]).meta({ description: 'Who may sign for the agency' }),
      emailDomains: z.array(z.string()).default([]).meta({ description: 'When set, every authorised signatory has an address in one of these domains' }),
      legalContacts: z.array(z.string()).default([]).meta({ description: 'Told when the agency is named as a party' }),
      proposalContacts: z.array(z.string()).default([]).meta({ description: 'Sent collaboration proposals to record its view; when empty, its legal contacts are' }),
      publishProposalDeclines: z.boolean().default(false).meta({ description: 'Whether its declines of proposals, with reasons, are published' }),
      revision: z.int().default(1),
      createdAt: z.string(),
    })
    .meta({ id: 'Agency' }),
);
export type TAgency = z.infer<typeof ZAgency>;

export const ZCreateAgencyRequest = deferred(() =>
  z
    .strictObject({
      id: ZSlug.optional().meta({ description: 'Made from the name when not given' }),
      name: plainLine(200),
      type: ZAgencyType,
      policingBodyId: ZSlug.optional(),
      legalContacts: z.array(ZEmail).max(MAX_AGENCY_CONTACTS).optional().meta({ description: 'Told when the agency is named as a party' }),
    })
    .superRefine((agency, ctx) => {
      if (agency.type === 'police_force' && !agency.policingBodyId) {
        ctx.addIssue({ code: 'custom', path: ['policingBodyId'], message: 'a police force needs the policing body that maintains it' });
      }
      if (agency.type !== 'police_force' && agency.policingBodyId) {
        ctx.addIssue({ code: 'custom', path: ['policingBodyId'], message: 'only a police force has a policing body' });
      }
    })
    .meta({ id: 'CreateAgencyRequest' }),
);
export type TCreateAgencyRequest = z.infer<typeof ZCreateAgencyRequest>;

export const ZAgencyList = deferred(() => z.object({ items: z.array(ZAgency) }).meta({ id: 'AgencyList' }));

const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1);
/** An address is in a domain when it is the domain itself or a subdomain of it. */
export const isInDomains = (email: string, domains: readonly string[]) =>
  domains.some((domain) => domainOf(email) === domain || domainOf(email).endsWith(`.${domain}`));

export const ZAuthorisedSignatoriesRequest = deferred(() =>
  z
    .strictObject({
      signatories: z.array(ZAuthorisedSignatory).max(MAX_AUTHORISED_SIGNATORIES),
      emailDomains: z.array(ZEmailDomain).max(MAX_EMAIL_DOMAINS).optional().meta({ description: 'Kept as they are when not given' }),
    })
    .superRefine((request, ctx) => {
      const seen = new Set<string>();
      request.signatories.forEach((signatory, index) => {
        if (seen.has(signatory.email)) ctx.addIssue({ code: 'custom', path: ['signatories', index, 'email'], message: 'already on the list' });
        seen.add(signatory.email);
      });
    })
    .meta({ id: 'AuthorisedSignatoriesRequest' }),
);
export type TAuthorisedSignatoriesRequest = z.infer<typeof ZAuthorisedSignatoriesRequest>;

export const ZAuthorisedSignatories = deferred(() =>
  z
    .object({ agencyId: ZSlug, signatories: z.array(ZAuthorisedSignatory), emailDomains: z.array(z.string()) })
    .meta({ id: 'AuthorisedSignatories' }),
);

export const ZLegalContactsRequest = deferred(() =>
  z
    .strictObject({ legalContacts: z.array(ZEmail).min(1, 'name at least one contact').max(MAX_AGENCY_CONTACTS) })
    .meta({ id: 'LegalContactsRequest' }),
);

export const ZAgencyIdParams = deferred(() => z.object({ id: ZSlug }));
