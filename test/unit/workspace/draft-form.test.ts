import { describe, expect, it } from 'vitest';
import { createRequestOf, patchRequestOf, readDraftForm } from '../../../functions/workspace/draft-form-values';
import { errorsForForm } from '../../../functions/workspace/form';

const posted = (values: Record<string, string>) => readDraftForm({ title: 'Shared fleet workshop', legalBasis: 'PCA2017_S2', publish: 'yes', reviewIntervalMonths: '12', ...values });

describe('the draft form', () => {
  it('turns the posted fields into a create request, with dates from day, month and year and one function a line', () => {
    const { request, errors } = createRequestOf(
      posted({
        functions: 'Estates\n\n Fleet \n',
        'effectiveDate-day': '1',
        'effectiveDate-month': '4',
        'effectiveDate-year': '2027',
        'parties.0.agencyId': 'warwickshire-fire',
        'parties.0.signatories.0.name': 'Ben Brook',
        'parties.0.signatories.0.role': 'Chief Fire Officer',
        'parties.0.signatories.0.email': 'cfo@fire.test',
        'parties.0.signatories.0.order': '2',
      }),
    );
    expect(errors).toEqual([]);
    expect(request).toMatchObject({
      title: 'Shared fleet workshop',
      functions: ['Estates', 'Fleet'],
      effectiveDate: '2027-04-01',
      publish: true,
      reviewIntervalMonths: 12,
      parties: [{ agencyId: 'warwickshire-fire', signatories: [{ name: 'Ben Brook', role: 'Chief Fire Officer', email: 'cfo@fire.test', order: 2 }] }],
    });
    expect(request).not.toHaveProperty('expiryDate');
  });

  it('drops blank party and signatory slots, so an error’s path names the slot shown beside it', () => {
    const form = posted({
      'parties.0.agencyId': '',
      'parties.1.agencyId': 'west-midlands-ambulance',
      'parties.1.signatories.0.name': '',
      'parties.1.signatories.1.name': 'Anthony Marsh',
    });
    expect(form.parties.map((party) => [party.agencyId, party.signatories.map((signatory) => signatory.name)])).toEqual([['west-midlands-ambulance', ['Anthony Marsh']]]);
  });

  it('adds and removes slots for the button pressed, without JavaScript', () => {
    const base = { 'parties.0.agencyId': 'warwickshire-fire', 'parties.0.signatories.0.name': 'Ben Brook', 'parties.1.agencyId': 'west-midlands-ambulance' };
    expect(posted({ ...base, action: 'add-party' }).parties).toHaveLength(3);
    expect(posted({ ...base, action: 'add-signatory-0' }).parties[0]!.signatories).toHaveLength(2);
    expect(posted({ ...base, action: 'remove-party-0' }).parties.map((party) => party.agencyId)).toEqual(['west-midlands-ambulance']);
    expect(posted({ ...base, action: 'remove-signatory-0-0' }).parties[0]!.signatories).toEqual([{ name: '', role: '', email: '', order: '' }]);
  });

  it('reports a date that is not one and a number that is not, by field', () => {
    const { errors } = createRequestOf(posted({ 'expiryDate-day': '31', 'expiryDate-month': '2', 'expiryDate-year': '2027', reviewIntervalMonths: 'twelve', 'parties.0.agencyId': '' , 'parties.0.signatories.0.name': 'A' }));
    expect(errors.map((error) => error.path)).toEqual(['parties.0.agencyId', 'reviewIntervalMonths', 'expiryDate']);
  });

  it('clears optional fields left empty in an edit, and keeps them out of a new draft', () => {
    expect(patchRequestOf(posted({})).request).toMatchObject({ withdrawalTerms: null, effectiveDate: null, publishExemptionReason: null });
    expect(createRequestOf(posted({})).request).not.toHaveProperty('withdrawalTerms');
  });

  it('lists each field once in the error summary, in the order given, linking a date to its day', () => {
    const { errorList, byField } = errorsForForm(
      [
        { path: 'title', message: 'Too small: expected string to have >=1 characters' },
        { path: 'title', message: 'must not contain control characters' },
        { path: 'expiryDate', message: 'must be after 1 April 2027' },
      ],
      { describe: (path) => (path === 'title' ? 'Title' : 'Expiry date'), firstPartOf: (field) => (field.endsWith('Date') ? '-day' : null) },
    );
    expect(errorList).toEqual([
      { text: 'Title: cannot be blank', href: '#title' },
      { text: 'Expiry date: must be after 1 April 2027', href: '#expiryDate-day' },
    ]);
    expect(byField.title).toEqual({ text: 'Title: cannot be blank' });
  });
});
