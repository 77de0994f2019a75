import type { TFieldError } from '../../shared/errors';
import { LEGAL_BASES, MAX_PARTIES, MAX_SIGNATORIES_PER_PARTY, type TAgreement } from '../../shared/schemas/agreement';
import { lines, type TFormValues } from './form';

/**
 * The draft form as the user typed it: every value a string, as it goes back into the form when
 * something is wrong, and empty slots (a party or signatory left blank) dropped so that an error's
 * path (`parties.1.signatories.0.email`) always names the slot it is shown beside.
 */
export type TDateParts = { day: string; month: string; year: string };
export type TSignatorySlot = { name: string; role: string; email: string; order: string };
export type TPartySlot = {
  agencyId: string;
  requiredApprovals: string;
  efficiencyEffectiveness: string;
  publicSafety: string;
  consultedOn: TDateParts;
  chiefOfficer: string;
  consultationOutcome: string;
  leaving: boolean;
  signatories: TSignatorySlot[];
};
export type TDraftForm = {
  ownerAgencyId: string;
  title: string;
  summary: string;
  legalBasis: string;
  functions: string;
  body: string;
  withdrawalTerms: string;
  reviewIntervalMonths: string;
  effectiveDate: TDateParts;
  nextReviewDate: TDateParts;
  expiryDate: TDateParts;
  publish: string;
  publishExemptionReason: string;
  legalContacts: string;
  parties: TPartySlot[];
};

/** Fields whose value is a date, entered as day, month and year: the error summary links to the day. */
export const DATE_PATHS = /(?:^|\.)(effectiveDate|nextReviewDate|expiryDate|consultedOn)$/;

const NO_DATE: TDateParts = { day: '', month: '', year: '' };
const emptySignatory = (): TSignatorySlot => ({ name: '', role: '', email: '', order: '' });
export const emptyParty = (): TPartySlot => ({
  agencyId: '',
  requiredApprovals: '',
  efficiencyEffectiveness: '',
  publicSafety: '',
  consultedOn: NO_DATE,
  chiefOfficer: '',
  consultationOutcome: '',
  leaving: false,
  signatories: [emptySignatory()],
});

export const emptyDraftForm = (): TDraftForm => ({
  ownerAgencyId: '',
  title: '',
  summary: '',
  legalBasis: 'PCA2017_S2',
  functions: '',
  body: '',
  withdrawalTerms: '',
  reviewIntervalMonths: '12',
  effectiveDate: NO_DATE,
  nextReviewDate: NO_DATE,
  expiryDate: NO_DATE,
  publish: 'yes',
  publishExemptionReason: '',
  legalContacts: '',
  parties: [emptyParty(), emptyParty()],
});

const dateParts = (iso: string | null | undefined): TDateParts => {
  const [year = '', month = '', day = ''] = (iso ?? '').split('-');
  return iso ? { day: String(Number(day)), month: String(Number(month)), year } : NO_DATE;
};

/** An agreement's draft as the form shows it. */
export const draftFormOf = (agreement: TAgreement): TDraftForm => ({
  ownerAgencyId: agreement.ownerAgencyId ?? '',
  title: agreement.title,
  summary: agreement.summary,
  legalBasis: agreement.legalBasis,
  functions: agreement.functions.join('\n'),
  body: agreement.body,
  withdrawalTerms: agreement.withdrawalTerms ?? '',
  reviewIntervalMonths: String(agreement.reviewIntervalMonths),
  effectiveDate: dateParts(agreement.effectiveDate),
  nextReviewDate: dateParts(agreement.nextReviewDate),
  expiryDate: dateParts(agreement.expiryDate),
  publish: agreement.publish ? 'yes' : 'no',
  publishExemptionReason: agreement.publishExemptionReason ?? '',
  legalContacts: agreement.legalContacts.join('\n'),
  parties: agreement.parties.map((party) => ({
    agencyId: party.agencyId,
    requiredApprovals: party.requiredApprovals === party.signatories.length ? '' : String(party.requiredApprovals),
    efficiencyEffectiveness: party.assessment?.efficiencyEffectiveness ?? '',
    publicSafety: party.assessment?.publicSafety ?? '',
    consultedOn: dateParts(party.consultation?.consultedOn),
    chiefOfficer: party.consultation?.chiefOfficer ?? '',
    consultationOutcome: party.consultation?.outcome ?? '',
    leaving: party.leaving === true,
    signatories: party.signatories.length
      ? party.signatories.map((signatory) => ({ name: signatory.name, role: signatory.role, email: signatory.email, order: String(signatory.order) }))
      : [emptySignatory()],
  })),
});

const isBlank = (slot: object): boolean =>
  Object.values(slot).every((value) => (typeof value === 'string' ? value.trim() === '' : typeof value === 'boolean' ? !value : Array.isArray(value) ? value.every(isBlank) : isBlank(value)));

/** The slots a form posted under `prefix`, at most `most` of them (a form cannot make more than the schema takes). */
const indexesUnder = (values: TFormValues, prefix: string, most: number) =>
  [...new Set(Object.keys(values).flatMap((name) => (name.startsWith(prefix) ? [Number(/^(\d+)\./.exec(name.slice(prefix.length))?.[1])] : [])))]
    .filter((index) => Number.isInteger(index) && index >= 0)
    .sort((a, b) => a - b)
    .slice(0, most);

/** A date field's parts as a form posted them (`path-day`, `path-month`, `path-year`). */
export const readDate = (values: TFormValues, path: string): TDateParts => ({
  day: values[`${path}-day`] ?? '',
  month: values[`${path}-month`] ?? '',
  year: values[`${path}-year`] ?? '',
});

export const NOT_A_DATE = 'must be a real date, like 27 3 2027';

/** A date typed as day, month and year: ISO, none when all three are blank, or not a date. */
export const isoDateOf = (parts: TDateParts): string | null | 'invalid' => {
  const given = [parts.day, parts.month, parts.year].map((part) => part.trim());
  if (given.every((part) => part === '')) return null;
  const [day, month, year] = given.map(Number) as [number, number, number];
  const real = given.every((part) => /^\d+$/.test(part)) && given[2]!.length === 4 && month >= 1 && month <= 12 && new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
  return real ? `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` : 'invalid';
};

/** The date a form posted under `path-day`, `path-month` and `path-year`. */
export const readIsoDate = (values: TFormValues, path: string) => isoDateOf(readDate(values, path));

/**
 * What the user posted, with the button they pressed applied: "add another" adds an empty slot,
 * "remove" takes one away; slots left wholly blank are dropped (one signatory slot always stays).
 */
export const readDraftForm = (values: TFormValues): TDraftForm => {
  const text = (name: string) => values[name] ?? '';
  const parties = indexesUnder(values, 'parties.', MAX_PARTIES).map((p): TPartySlot => {
    const at = `parties.${p}`;
    const signatories = indexesUnder(values, `${at}.signatories.`, MAX_SIGNATORIES_PER_PARTY).map((s) => {
      const sat = `${at}.signatories.${s}`;
      return { name: text(`${sat}.name`), role: text(`${sat}.role`), email: text(`${sat}.email`), order: text(`${sat}.order`) };
    });
    return {
      agencyId: text(`${at}.agencyId`),
      requiredApprovals: text(`${at}.requiredApprovals`),
      efficiencyEffectiveness: text(`${at}.assessment.efficiencyEffectiveness`),
      publicSafety: text(`${at}.assessment.publicSafety`),
      consultedOn: readDate(values, `${at}.consultation.consultedOn`),
      chiefOfficer: text(`${at}.consultation.chiefOfficer`),
      consultationOutcome: text(`${at}.consultation.outcome`),
      leaving: values[`${at}.leaving`] === 'yes',
      signatories,
    };
  });
  const action = values.action ?? '';
  const removeParty = /^remove-party-(\d+)$/.exec(action);
  const removeSignatory = /^remove-signatory-(\d+)-(\d+)$/.exec(action);
  const addSignatory = /^add-signatory-(\d+)$/.exec(action);
  const kept = parties
    .map((party, p) => ({
      ...party,
      signatories: party.signatories.filter((signatory, s) => !isBlank(signatory) && !(removeSignatory && Number(removeSignatory[1]) === p && Number(removeSignatory[2]) === s)),
    }))
    .map((party, p) => (addSignatory && Number(addSignatory[1]) === p && party.signatories.length < MAX_SIGNATORIES_PER_PARTY ? { ...party, signatories: [...party.signatories, emptySignatory()] } : party))
    .filter((party, p) => !(removeParty && Number(removeParty[1]) === p))
    .filter((party) => !isBlank({ ...party, signatories: [] }) || party.signatories.length > 0)
    .map((party) => (party.signatories.length ? party : { ...party, signatories: [emptySignatory()] }));
  if (action === 'add-party' && kept.length < MAX_PARTIES) kept.push(emptyParty());
  return {
    ownerAgencyId: text('ownerAgencyId'),
    title: text('title'),
    summary: text('summary'),
    legalBasis: text('legalBasis'),
    functions: text('functions'),
    body: text('body'),
    withdrawalTerms: text('withdrawalTerms'),
    reviewIntervalMonths: text('reviewIntervalMonths'),
    effectiveDate: readDate(values, 'effectiveDate'),
    nextReviewDate: readDate(values, 'nextReviewDate'),
    expiryDate: readDate(values, 'expiryDate'),
    publish: text('publish'),
    publishExemptionReason: text('publishExemptionReason'),
    legalContacts: text('legalContacts'),
    parties: kept,
  };
};

/** Whether the user pressed a button that changes the form itself rather than saving it. */
export const isFormAction = (values: TFormValues) => /^(add-party|add-signatory-\d+|remove-party-\d+|remove-signatory-\d+-\d+)$/.test(values.action ?? '');

/**
 * The form as the fields of a request (the API's own schemas then check them). What the form alone
 * can tell is wrong (a date that is not one, a number that is not) comes back as errors here.
 */
export const draftFieldsOf = (form: TDraftForm) => {
  const errors: TFieldError[] = [];
  const date = (parts: TDateParts, path: string): string | null => {
    const iso = isoDateOf(parts);
    if (iso !== 'invalid') return iso;
    errors.push({ path, message: NOT_A_DATE });
    return null;
  };
  const whole = (value: string, path: string): number | undefined => {
    if (value.trim() === '') return undefined;
    if (/^\d+$/.test(value.trim())) return Number(value.trim());
    errors.push({ path, message: 'must be a whole number' });
    return undefined;
  };
  const parties = form.parties.map((party, p) => {
    const at = `parties.${p}`;
    const consultedOn = date(party.consultedOn, `${at}.consultation.consultedOn`);
    const consulted = consultedOn !== null || party.chiefOfficer.trim() !== '' || party.consultationOutcome.trim() !== '';
    const assessment = { efficiencyEffectiveness: party.efficiencyEffectiveness.trim() || undefined, publicSafety: party.publicSafety.trim() || undefined };
    if (!party.agencyId.trim()) errors.push({ path: `${at}.agencyId`, message: 'choose an agency' });
    return {
      agencyId: party.agencyId,
      ...(assessment.efficiencyEffectiveness || assessment.publicSafety ? { assessment } : {}),
      ...(consulted ? { consultation: { consultedOn: consultedOn ?? '', chiefOfficer: party.chiefOfficer, outcome: party.consultationOutcome } } : {}),
      ...(party.requiredApprovals.trim() ? { requiredApprovals: whole(party.requiredApprovals, `${at}.requiredApprovals`) } : {}),
      ...(party.leaving ? { leaving: true } : {}),
      signatories: party.signatories
        .filter((signatory) => !isBlank(signatory))
        .map((signatory, s) => ({
          name: signatory.name,
          role: signatory.role,
          email: signatory.email.trim(),
          ...(signatory.order.trim() ? { order: whole(signatory.order, `${at}.signatories.${s}.order`) } : {}),
        })),
    };
  });
  const fields = {
    title: form.title,
    summary: form.summary,
    legalBasis: (LEGAL_BASES as readonly string[]).includes(form.legalBasis) ? form.legalBasis : form.legalBasis || undefined,
    functions: lines(form.functions),
    body: form.body,
    withdrawalTerms: form.withdrawalTerms.trim() ? form.withdrawalTerms : null,
    reviewIntervalMonths: whole(form.reviewIntervalMonths, 'reviewIntervalMonths'),
    effectiveDate: date(form.effectiveDate, 'effectiveDate'),
    nextReviewDate: date(form.nextReviewDate, 'nextReviewDate'),
    expiryDate: date(form.expiryDate, 'expiryDate'),
    publish: form.publish !== 'no',
    publishExemptionReason: form.publishExemptionReason.trim() ? form.publishExemptionReason : null,
    legalContacts: lines(form.legalContacts),
    parties,
  };
  return { fields, errors };
};

/** The fields of a new draft: nothing left empty is sent, so the defaults apply. */
export const createRequestOf = (form: TDraftForm) => {
  const { fields, errors } = draftFieldsOf(form);
  const request = Object.fromEntries(Object.entries(fields).filter(([name, value]) => value !== null && value !== undefined && (value !== '' || name === 'title')));
  return { request: { ...request, ...(form.ownerAgencyId ? { ownerAgencyId: form.ownerAgencyId } : {}) }, errors };
};

/** The fields of an edit: every field is sent, and an optional one left empty is cleared. */
export const patchRequestOf = (form: TDraftForm) => {
  const { fields, errors } = draftFieldsOf(form);
  const request = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  return { request, errors };
};
