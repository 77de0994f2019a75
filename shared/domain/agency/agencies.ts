import { AppError } from '../../errors';
import { isInDomains, type TAgency, type TAuthorisedSignatoriesRequest, type TCreateAgencyRequest } from '../../schemas/agency';
import type { TAgencyEvent } from '../../schemas/audit-event';
import { appendAgencyEvent, EMPTY_AUDIT_HEAD } from '../audit/audit-chain';
import { ConcurrentWriteError, type TAgencyStore } from '../ports';
import { assertRole } from '../agreement/access';
import type { TUser } from '../user';

/** `Warwickshire Fire & Rescue` → `warwickshire-fire-rescue`. */
export const slugify = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');

const RESERVED_AGENCY_IDS = new Set(['new']);

export const createAgency = async (options: {
  input: TCreateAgencyRequest;
  user: TUser;
  now: Date;
  newId: () => string;
  agencies: TAgencyStore;
}): Promise<TAgency> => {
  const { input, user } = options;
  assertRole(user, 'admin');
  const id = input.id ?? slugify(input.name);
  if (id.length < 2) {
    throw new AppError('validation_failed', 'Cannot make an id from this name.', [
      { path: 'id', message: 'give an id: the name has too few letters or digits' },
    ]);
  }
  // The workspace's page for adding an agency lives at /agencies/new.
  if (RESERVED_AGENCY_IDS.has(id)) throw new AppError('validation_failed', `'${id}' cannot be an agency's id.`, [{ path: 'id', message: 'is reserved: give another id' }]);
  if (input.policingBodyId) {
    const policingBody = await options.agencies.get(input.policingBodyId);
    if (policingBody?.type !== 'policing_body') {
      throw new AppError('unprocessable', 'A police force must name an existing policing body.', [
        { path: 'policingBodyId', message: `no policing body '${input.policingBodyId}'` },
      ]);
    }
  }
  const agency: TAgency = {
    id,
    name: input.name,
    type: input.type,
    ...(input.policingBodyId ? { policingBodyId: input.policingBodyId } : {}),
    signatories: [],
    emailDomains: [],
    legalContacts: [...new Set(input.legalContacts ?? [])],
    proposalContacts: [],
    publishProposalDeclines: false,
    revision: 1,
    createdAt: options.now.toISOString(),
  };
  const { event, head } = appendAgencyEvent(EMPTY_AUDIT_HEAD, {
    id: options.newId(),
    agencyId: id,
    type: 'agency_created',
    at: agency.createdAt,
    actor: { kind: 'user', email: user.email },
    data: { name: agency.name, type: agency.type, policingBodyId: agency.policingBodyId ?? null, legalContacts: agency.legalContacts },
  });
  await options.agencies.create(agency, head, [event]);
  return agency;
};

export const listAgencies = async (options: { user: TUser; agencies: TAgencyStore }): Promise<TAgency[]> => {
  assertRole(options.user, 'viewer');
  return options.agencies.list();
};

/** An agency's lists are its own: changed only by its editors, or by an admin. */
const assertManages = (user: TUser, agencyId: string) => {
  assertRole(user, 'editor');
  if (user.role !== 'admin' && !user.agencies.includes(agencyId)) {
    throw new AppError('forbidden', 'Only this agency’s own editors, or an admin, may change who signs for it.');
  }
};

type TAgencyChange = { agencyId: string; user: TUser; now: Date; newId: () => string; agencies: TAgencyStore };

/** Loads the agency, applies a change, and writes it with the audit event that records it. */
const changeAgency = async (
  options: TAgencyChange,
  type: string,
  change: (agency: TAgency) => { agency: TAgency; data: Record<string, unknown> },
): Promise<TAgency> => {
  assertManages(options.user, options.agencyId);
  const stored = await options.agencies.getWithTrail(options.agencyId);
  if (!stored) throw new AppError('not_found', `No agency '${options.agencyId}'.`);
  const changed = change(stored.agency);
  const next = { ...changed.agency, revision: stored.agency.revision + 1 };
  const { event, head } = appendAgencyEvent(stored.auditHead, {
    id: options.newId(),
    agencyId: options.agencyId,
    type,
    at: options.now.toISOString(),
    actor: { kind: 'user', email: options.user.email },
    data: changed.data,
  });
  try {
    await options.agencies.update(next, head, [event], stored.agency.revision);
  } catch (error) {
    if (error instanceof ConcurrentWriteError) throw new AppError('conflict', 'The agency changed meanwhile; reload it and try again.');
    throw error;
  }
  return next;
};

/**
 * Replaces who may sign for an agency. With email domains (given now, or kept from before),
 * every address must be in one of them, so a typo or an outside address cannot be authorised.
 */
export const setAuthorisedSignatories = (options: TAgencyChange & { input: TAuthorisedSignatoriesRequest }): Promise<TAgency> =>
  changeAgency(options, 'authorised_signatories_set', (agency) => {
    const emailDomains = options.input.emailDomains ?? agency.emailDomains;
    // The domains guard the list against the list's own keepers: only an admin may change them.
    if (options.user.role !== 'admin' && JSON.stringify([...emailDomains].sort()) !== JSON.stringify([...agency.emailDomains].sort())) {
      throw new AppError('forbidden', 'Only an admin may change the email domains an agency authorises signatories from.');
    }
    if (emailDomains.length > 0) {
      const errors = options.input.signatories.flatMap((signatory, index) =>
        isInDomains(signatory.email, emailDomains) ? [] : [{ path: `signatories.${index}.email`, message: `must be an address in ${emailDomains.join(' or ')}` }],
      );
      if (errors.length > 0) throw new AppError('validation_failed', `${agency.name} only authorises addresses in its own domains.`, errors);
    }
    return {
      agency: { ...agency, signatories: options.input.signatories, emailDomains },
      data: { signatories: options.input.signatories, emailDomains },
    };
  });

/** Replaces who records the agency's view of collaboration proposals, and whether its declines are published. */
export const setProposalContacts = (options: TAgencyChange & { proposalContacts: string[]; publishDeclines?: boolean | undefined }): Promise<TAgency> =>
  changeAgency(options, 'proposal_contacts_set', (agency) => {
    const publishProposalDeclines = options.publishDeclines ?? agency.publishProposalDeclines;
    return {
      agency: { ...agency, proposalContacts: [...new Set(options.proposalContacts)], publishProposalDeclines },
      data: { proposalContacts: options.proposalContacts, publishProposalDeclines },
    };
  });

/** Replaces who is told when the agency is named as a party. */
export const setLegalContacts = (options: TAgencyChange & { legalContacts: string[] }): Promise<TAgency> =>
  changeAgency(options, 'legal_contacts_set', (agency) => ({
    agency: { ...agency, legalContacts: [...new Set(options.legalContacts)] },
    data: { legalContacts: options.legalContacts },
  }));

/**
 * Records on an agency's own trail that someone was given, changed or lost access to its
 * agreements: the agency's legal team can always see who may act for it, and who decided.
 */
export const recordAgencyAccess = (options: TAgencyChange & { type: 'user_access_granted' | 'user_access_changed' | 'user_access_removed' | 'user_disabled' | 'user_enabled'; data: Record<string, unknown> }) =>
  changeAgency(options, options.type, (agency) => ({ agency, data: options.data }));

export const readAgency = async (options: { agencyId: string; user: TUser; agencies: TAgencyStore }): Promise<TAgency> => {
  assertRole(options.user, 'viewer');
  const agency = await options.agencies.get(options.agencyId);
  if (!agency) throw new AppError('not_found', `No agency '${options.agencyId}'.`);
  return agency;
};

export const listAgencyEvents = async (options: { agencyId: string; user: TUser; agencies: TAgencyStore }): Promise<TAgencyEvent[]> => {
  await readAgency(options);
  return options.agencies.listEvents(options.agencyId);
};
