import { describe, expect, it } from 'vitest';
import { renderEmail } from '../../../shared/email/templates';
import { createLinkSigner, ZSigningKeyring } from '../../../shared/signing-keyring';

const keyring = (current: string) => ZSigningKeyring.parse({ currentKeyId: current, k1: 'a'.repeat(43), k2: 'b'.repeat(43) });
const AGREEMENT = '01JD0000000000000000000000';

describe("a party's link to its executed copy", () => {
  it('names its agreement only for a keyring holding the key it was made with, and not once a character changes', () => {
    const signer = createLinkSigner(keyring('k1'));
    const token = signer.executedCopyToken(AGREEMENT, 'k1');
    expect(signer.agreementOfCopyToken(token)).toBe(AGREEMENT);
    // After a rotation the old key still serves the links it made.
    expect(createLinkSigner(keyring('k2')).agreementOfCopyToken(token)).toBe(AGREEMENT);
    expect(createLinkSigner(ZSigningKeyring.parse({ currentKeyId: 'k2', k2: 'b'.repeat(43) })).agreementOfCopyToken(token)).toBeUndefined();
    const other = `01JD0000000000000000000001${token.slice(AGREEMENT.length)}`;
    expect(signer.agreementOfCopyToken(other)).toBeUndefined();
    expect(signer.agreementOfCopyToken(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBeUndefined();
    expect(signer.agreementOfCopyToken('not.a.token.at.all')).toBeUndefined();
    // A copy link is never a signing token.
    expect(token).not.toContain(signer.tokenFor({ requestId: AGREEMENT, keyId: 'k1' }));
  });

  it('is in the In force email, text and HTML, with where anyone can check a copy', () => {
    const email = renderEmail(
      {
        id: 'm1',
        agreementId: AGREEMENT,
        template: 'agreement_in_force',
        vars: { reference: 'CA-2026-0007', title: 'Joint control room', effectiveDate: '2026-12-02', documentSha256: 'f'.repeat(64) },
        recipients: [{ to: 'cfo@fire.test' }],
        createdAt: '2026-12-02T09:00:00.000Z',
      },
      { to: 'cfo@fire.test' },
      { agreementUrl: 'https://accord.test/app/agreements/a1', executedCopyUrl: 'https://accord.test/copies/t0ken' },
    );
    expect(email.text).toContain('Download the executed copy (PDF): https://accord.test/copies/t0ken');
    expect(email.text).toContain('anyone can check a copy at https://accord.test/verify');
    expect(email.html).toContain('href="https://accord.test/copies/t0ken"');
  });
});
