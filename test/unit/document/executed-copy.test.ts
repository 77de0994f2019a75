import { beforeAll, describe, expect, it } from 'vitest';
import { renderExecutedCopy } from '../../../shared/document/executed-copy';
import { sealPdf } from '../../../shared/document/seal';
import { createLocalSealKey, localSealSigner } from '../../../shared/document/seal-signers';
import { executedCopyInput } from './executed-copy-input';
import { pdfinfo, pdfsig, pdftotext } from './poppler';

const A4_WIDTH = 595.28;

describe('the executed copy, as a reader sees it', { timeout: 30_000 }, () => {
  const input = executedCopyInput();
  let sealed: Uint8Array;
  // Read in each test, not before them all: without poppler-utils each test fails saying so.
  let extracted: string | undefined;
  const textOf = () => (extracted ??= pdftotext(sealed));

  beforeAll(async () => {
    const key = await createLocalSealKey('Accord test seal');
    sealed = await sealPdf(await renderExecutedCopy(input), localSealSigner(key), { reason: 'Executed copy', name: 'Accord', signedAt: new Date('2026-12-10T14:05:00Z') });
  });

  it('is sealed: pdfsig finds a valid ETSI.CAdES.detached signature covering the whole file', () => {
    const report = pdfsig(sealed);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Signer Certificate Common Name: Accord test seal');
  });

  it('shows the title, the agreement text from its Markdown, the withdrawal terms and the dates in words', () => {
    const text = textOf();
    expect(text).toContain('Joint control room – Dyfed-Powys');
    expect(text).toContain('CA-2026-0007, version 3');
    expect(text).toContain('“one front door”');
    expect(text).toContain('Mid and West Wales Fire and Rescue Service (Fire and rescue');
    expect(text).toContain('Section 2 of the Policing and Crime Act 2017');
    expect(text).toMatch(/^Joint control room$/m);
    expect(text).toMatch(/^1\. Purpose$/m);
    expect(text).not.toContain('#');
    expect(text).toContain('The parties share a control room and staff it together.');
    expect(text).toContain('See the Act\n(https://www.legislation.gov.uk/ukpga/2017/3) and https://example.org/guide.');
    expect(text).toContain('<script>alert(1)</script> stays as text');
    expect(text).toContain('• police');
    expect(text).toContain('2. dispatch');
    expect(text).toContain('A party may withdraw on six months’ written notice.');
    expect(text).toContain('9 December 2026');
    expect(text).toContain('9 December 2027');
    expect(text).toContain('No expiry date');
  });

  it('lists the attachments with their hashes, and certifies each signatory’s decision', () => {
    const text = textOf();
    const unwrapped = text.replace(/\s+/g, '');
    expect(text).toContain('Schedules and attachments');
    expect(text).toContain('Schedule 1 – floor plan.pdf');
    expect(text).toContain('48.2 KB');
    expect(unwrapped).toContain(input.attachments[0]!.sha256);
    expect(text).toContain('Certificate of completion');
    for (const signer of input.signers) {
      expect(text).toContain(signer.signedName!);
      expect(text).toContain(`${signer.name}, ${signer.role}`);
      expect(text).toContain(signer.ip!);
      expect(unwrapped).toContain(signer.userAgent!.replace(/\s+/g, ''));
    }
    expect(unwrapped).toContain(input.documentSha256);
    expect(text).toContain('(the same as this document’s)');
    expect(text).toContain('9 December 2026 at 09:11 UK time');
  });

  it('keeps Welsh names whole, in the certificate and the audit trail', () => {
    const text = textOf();
    expect(text).toContain('Llŷr Gwŷn');
    expect(text).toContain('Siân Ŵyn-Jones');
    expect(text.match(/Llŷr Gwŷn/g)!.length).toBeGreaterThanOrEqual(3);
  });

  it('shows the audit trail with its hash chain checked', () => {
    const text = textOf();
    const unwrapped = text.replace(/\s+/g, '');
    expect(text).toContain('Audit trail');
    expect(text).toContain('The audit trail’s hash chain is intact');
    for (const event of input.auditTrail.events) {
      expect(text).toContain(event.type);
      expect(unwrapped).toContain(event.hash);
    }
    expect(text).toContain('25 November 2026');
  });

  it('numbers every page "Page N of M" and names the agreement at the foot of each', () => {
    const text = textOf();
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(pdfinfo(sealed))![1]);
    expect(pages).toBeGreaterThanOrEqual(4);
    for (let page = 1; page <= pages; page += 1) expect(text).toContain(`Page ${page} of ${pages}`);
    expect(text.match(/CA-2026-0007 version 3 · Executed copy/g)).toHaveLength(pages);
  });

  it('wraps long hashes and user agents inside the page instead of running off it', () => {
    const words = [...pdftotext(sealed, ['-bbox']).matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"/g)];
    expect(words.length).toBeGreaterThan(100);
    for (const [, xMin, xMax] of words) {
      expect(Number(xMin)).toBeGreaterThanOrEqual(40);
      expect(Number(xMax)).toBeLessThanOrEqual(A4_WIDTH - 40);
    }
  });

  it('carries its title, subject, producer and creation time as document information, on A4', () => {
    const info = pdfinfo(sealed);
    expect(info).toMatch(/^Title:\s+CA-2026-0007 version 3: Joint control room – Dyfed-Powys$/m);
    expect(info).toMatch(/^Subject:\s+Fire and police share a control room/m);
    expect(info).toMatch(/^Producer:\s+Accord$/m);
    expect(info).toMatch(/^CreationDate:\s+2026-12-10T14:05:00(Z|\+00)/m);
    expect(info).toContain('595.28 x 841.89 pts (A4)');
  });
});

describe('text a user may type', { timeout: 30_000 }, () => {
  it('sets any Unicode it is given: what the font lacks becomes "?", one for each character a reader sees', async () => {
    const pdf = await renderExecutedCopy(
      executedCopyInput({
        title: 'Cytundeb – “Tŷ Ŵyn” café, naïve déjà vu, Ελλάδα, Привет 👨‍👩‍👧 中文',
        body: 'A line with an emoji 🧯 and a control\u0007 character.',
        auditTrail: { events: [], intact: false, lastHash: null },
        attachments: [],
      }),
    );
    // Lines joined: the title wraps.
    const text = pdftotext(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Cytundeb – “Tŷ Ŵyn” café, naïve déjà vu, Ελλάδα, Привет ? ??');
    expect(text).toContain('A line with an emoji ? and a control character.');
    expect(text).toContain('The audit trail’s hash chain is BROKEN');
    expect(text).toContain('This agreement has no schedules or attachments.');
  });
});
