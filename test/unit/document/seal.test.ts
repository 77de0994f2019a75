import { spawnSync } from 'node:child_process';
import { createHash, generateKeyPairSync, verify, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContentInfo, SignedData } from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderExecutedCopy } from '../../../shared/document/executed-copy';
import { sealPdf } from '../../../shared/document/seal';
import { createLocalSealKey, kmsSealSigner, localSealSigner, selfSignedCertificateFor } from '../../../shared/document/seal-signers';
import { executedCopyInput } from './executed-copy-input';
import { pdfsig } from './poppler';

const SEAL_OPTIONS = { reason: 'Executed copy', name: 'Accord', location: 'Carmarthen', signedAt: new Date('2026-12-10T14:05:00Z') };

/** The CMS in a sealed PDF's /Contents, its zero padding trimmed. */
const cmsOf = (pdf: Uint8Array) => {
  const hex = /\/Contents\s*<([0-9a-fA-F]+)>/.exec(Buffer.from(pdf).toString('latin1'))![1]!;
  const der = new Uint8Array(Buffer.from(hex.replace(/(00)+$/, ''), 'hex'));
  return new SignedData({ schema: ContentInfo.fromBER(der).content });
};

/**
 * A stand-in for KMS `Sign` with `MessageType: 'DIGEST'`: it signs the 32 bytes it is given as
 * the digest, without hashing them again. Node's crypto.sign always hashes (even with a null
 * algorithm, for an EC key), so the stand-in is OpenSSL's `pkeyutl -sign`, which takes its input
 * as the digest for an ECDSA key, as KMS does.
 */
const kmsStandIn = () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const folder = mkdtempSync(join(tmpdir(), 'accord-kms-'));
  const keyFile = join(folder, 'key.pem');
  writeFileSync(keyFile, privateKey.export({ format: 'pem', type: 'pkcs8' }));
  const digestsSigned: Uint8Array[] = [];
  return {
    publicKeyDer: new Uint8Array(publicKey.export({ format: 'der', type: 'spki' })),
    publicKey,
    digestsSigned,
    sign: async (digest: Uint8Array): Promise<Uint8Array> => {
      digestsSigned.push(digest);
      const result = spawnSync('openssl', ['pkeyutl', '-sign', '-inkey', keyFile], { input: digest });
      if (result.error || result.status !== 0) throw new Error(`openssl pkeyutl failed: ${result.error?.message ?? result.stderr.toString()}`);
      return new Uint8Array(result.stdout);
    },
    close: () => rmSync(folder, { recursive: true, force: true }),
  };
};

describe('sealing the executed copy (PAdES B-B)', { timeout: 30_000 }, () => {
  let pdf: Uint8Array;
  let sealed: Uint8Array;

  beforeAll(async () => {
    pdf = await renderExecutedCopy(executedCopyInput());
    sealed = await sealPdf(pdf, localSealSigner(await createLocalSealKey('Accord test seal')), SEAL_OPTIONS);
  });

  it('is reported invalid by pdfsig once one byte inside the signed range is changed', () => {
    expect(pdfsig(sealed)).toContain('Signature Validation: Signature is Valid.');
    const file = Buffer.from(sealed);
    // A byte inside the first stream's data: lengths and offsets are unchanged, so the file still parses.
    const at = file.indexOf('stream\n') + 'stream\n'.length + 20;
    const [, signedUpTo] = /\/ByteRange \[0 (\d+)/.exec(file.toString('latin1'))!;
    expect(at).toBeLessThan(file.indexOf('endstream', at));
    expect(at).toBeLessThan(Number(signedUpTo));
    const tampered = new Uint8Array(file);
    tampered[at] = tampered[at]! ^ 0x01;
    const report = pdfsig(tampered);
    expect(report).not.toContain('Signature is Valid.');
    expect(report).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);
  });

  it('signs content-type, message-digest and signing-certificate-v2, and no signing-time (the dictionary’s /M is the time)', () => {
    const signedData = cmsOf(sealed);
    const [signerInfo] = signedData.signerInfos;
    expect(signedData.encapContentInfo.eContentType).toBe('1.2.840.113549.1.7.1');
    expect(signedData.encapContentInfo.eContent).toBeUndefined();
    expect(signerInfo!.signedAttrs!.attributes.map((attribute) => attribute.type).sort()).toEqual([
      '1.2.840.113549.1.9.16.2.47',
      '1.2.840.113549.1.9.3',
      '1.2.840.113549.1.9.4',
    ]);
    expect(signerInfo!.unsignedAttrs).toBeUndefined();
    const text = Buffer.from(sealed).toString('latin1');
    expect(text).toContain('/SubFilter /ETSI.CAdES.detached');
    expect(text).toContain('/Filter /Adobe.PPKLite');
    expect(text).toContain('/M (D:20261210140500Z)');
    expect(pdfsig(sealed)).toContain('Signing Time: Dec 10 2026 14:05:00');
  });

  it('makes a ten-year P-256 certificate for digital signature and non-repudiation', async () => {
    const key = await createLocalSealKey('Accord seal (local)');
    const certificate = new X509Certificate(key.certificatePem);
    expect(certificate.subject).toBe('O=Accord\nCN=Accord seal (local)');
    expect(certificate.issuer).toBe(certificate.subject);
    expect(certificate.verify(certificate.publicKey)).toBe(true);
    expect(certificate.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    const years = (Date.parse(certificate.validTo) - Date.parse(certificate.validFrom)) / (365.25 * 24 * 3600_000);
    expect(Math.round(years)).toBe(10);
    const keyUsage = spawnSync('openssl', ['x509', '-noout', '-ext', 'keyUsage'], { input: key.certificatePem, encoding: 'utf8' }).stdout;
    expect(keyUsage).toContain('critical');
    expect(keyUsage).toContain('Digital Signature, Non Repudiation');
  });

  describe('with a key that never leaves KMS', () => {
    const kms = kmsStandIn();
    afterAll(() => kms.close());

    it('the stand-in signs a digest as KMS does: the signature verifies over the message that was hashed', async () => {
      const message = Buffer.from('the signed attributes');
      const signature = await kms.sign(new Uint8Array(createHash('sha256').update(message).digest()));
      expect(verify('sha256', message, { key: kms.publicKey, dsaEncoding: 'der' }, signature)).toBe(true);
    });

    it('seals through a digest signer with a self-signed certificate for the KMS key, and pdfsig finds it valid', async () => {
      const certificate = await selfSignedCertificateFor({ publicKeyDer: kms.publicKeyDer, commonName: 'Accord seal (KMS)', sign: kms.sign, notBefore: new Date('2026-01-01T00:00:00Z') });
      const x509 = new X509Certificate(Buffer.from(certificate));
      expect(x509.verify(x509.publicKey)).toBe(true);
      expect(x509.validFrom).toBe('Jan  1 00:00:00 2026 GMT');
      expect(x509.validTo).toBe('Jan  1 00:00:00 2036 GMT');

      kms.digestsSigned.length = 0;
      const kmsSealed = await sealPdf(pdf, kmsSealSigner({ sign: kms.sign, certificates: [certificate] }), SEAL_OPTIONS);
      // Only a 32-byte digest goes to KMS (its 4 KiB message limit is never near).
      expect(kms.digestsSigned.map((digest) => digest.length)).toEqual([32]);
      const report = pdfsig(kmsSealed);
      expect(report).toContain('Signature Validation: Signature is Valid.');
      expect(report).toContain('Signature Type: ETSI.CAdES.detached');
      expect(report).toContain('Total document signed');
      expect(report).toContain('Signer Certificate Common Name: Accord seal (KMS)');
    });

    it('refuses a KMS key that is not P-256, whose signatures would be mislabelled', async () => {
      const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'der', type: 'spki' });
      await expect(selfSignedCertificateFor({ publicKeyDer: new Uint8Array(rsa), commonName: 'x', sign: kms.sign, notBefore: new Date() })).rejects.toThrow(/EC P-256/);
    });
  });
});
