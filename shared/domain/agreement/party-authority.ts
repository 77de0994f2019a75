import type { TFieldError } from '../../errors';
import type { TAgency } from '../../schemas/agency';
import { continuingParties, type TAgreement, type TParty, type TSignatory } from '../../schemas/agreement';
import type { TAgencyStore } from '../ports';

/**
 * What makes a signature bind the agency itself, checked at submission: each party agency has
 * someone to tell that it is named, every signatory is on that agency's own list of authorised
 * signatories, and a variation keeps every party of the version it varies (no party is dropped
 * without its consent: one that leaves stays named, marked leaving, and signs the variation).
 */
export const partyAuthorityErrors = (agreement: TAgreement, agencies: Map<string, TAgency>, varied: TAgreement | null): TFieldError[] => {
  const errors: TFieldError[] = [];
  agreement.parties.forEach((party, partyIndex) => {
    const agency = agencies.get(party.agencyId);
    if (!agency) {
      errors.push({ path: `parties.${partyIndex}.agencyId`, message: `no agency '${party.agencyId}'` });
      return;
    }
    if (agency.legalContacts.length === 0) {
      errors.push({ path: `parties.${partyIndex}.agencyId`, message: `${agency.name} has no legal contact to tell that it is named as a party; its editors add one` });
    }
    party.signatories.forEach((signatory, signatoryIndex) => {
      if (!authorisedEntry(agency, signatory.email)) {
        errors.push({
          path: `parties.${partyIndex}.signatories.${signatoryIndex}.email`,
          message: `${signatory.email} is not on ${agency.name}'s list of authorised signatories`,
        });
      }
    });
  });
  const bound = varied ? continuingParties(varied) : [];
  const stillParties = new Set(agreement.parties.map((party) => party.agencyId));
  for (const party of bound.filter((candidate) => !stillParties.has(candidate.agencyId))) {
    errors.push({
      path: 'parties',
      message: `${party.agencyName} is a party to version ${varied!.version}; it stays a party unless it signs this variation as leaving (mark it leaving rather than removing it)`,
    });
  }
  const boundIds = new Set(bound.map((party) => party.agencyId));
  agreement.parties.forEach((party, index) => {
    if (party.leaving && !boundIds.has(party.agencyId)) {
      errors.push({ path: `parties.${index}.leaving`, message: `only a party of the agreement in force can leave it by a variation` });
    }
  });
  return errors;
};

/** "Ben Brook (Chief Fire Officer) <cfo@…>, …": who is asked to sign for a party. */
export const signatoriesLine = (party: TAgreement['parties'][number]) =>
  party.signatories.map((signatory) => `${signatory.name} (${signatory.role}) <${signatory.email}>`).join(', ');

/** The agency's own entry for this address, if it is on the agency's list of authorised signatories. */
export const authorisedEntry = (agency: TAgency | undefined, email: string) =>
  agency?.signatories.find((signatory) => signatory.email.toLowerCase() === email.toLowerCase());

/** Whether a signatory is on their party agency's list as it stands now (authority is checked when used, not only at submit). */
export const isStillAuthorised = async (agencies: TAgencyStore, found: { party: TParty; signatory: TSignatory }) =>
  Boolean(authorisedEntry(await agencies.get(found.party.agencyId), found.signatory.email));

/**
 * The agreement as it goes for signature: each signatory's name and role as their agency lists
 * them, whatever the drafter typed, so the certificate and the notices name who really signs.
 */
export const withAuthorisedNames = (agreement: TAgreement, agencies: Map<string, TAgency>): TAgreement => ({
  ...agreement,
  parties: agreement.parties.map((party) => ({
    ...party,
    signatories: party.signatories.map((signatory) => {
      const entry = authorisedEntry(agencies.get(party.agencyId), signatory.email);
      return entry ? { ...signatory, name: entry.name, role: entry.role } : signatory;
    }),
  })),
});
