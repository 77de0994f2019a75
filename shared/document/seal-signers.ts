import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, X509Certificate, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import { AlgorithmIdentifier, AttributeTypeAndValue, Certificate, Extension, PublicKeyInfo, RelativeDistinguishedNames, Time } from 'pkijs';
import type { TSealSigner } from './seal';

/** A digest signer as KMS `Sign` is with `MessageType: 'DIGEST'`: a SHA-256 digest in, a DER ECDSA signature out. */
export type TDigestSigner = (digest: Uint8Array) => Promise<Uint8Array>;

const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';
const KEY_USAGE = '2.5.29.15';
const VALIDITY_YEARS = 10;

const sha256 = (data: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(data).digest());

/** Seals are ECDSA over P-256 with SHA-256, the one pairing these signers label their signatures with. */
const assertP256 = (key: KeyObject, what: string): void => {
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new Error(`${what} must be an EC P-256 key, not ${key.asymmetricKeyType} ${key.asymmetricKeyDetails?.namedCurve ?? ''}`.trim());
  }
};

/**
 * `CN=<commonName>, O=Accord`, one attribute to each RDN. pkijs would put all of a name's
 * attributes in one multi-valued RDN ("O=Accord+CN=…"), so the name is encoded here and parsed back.
 */
const name = (commonName: string): RelativeDistinguishedNames =>
  RelativeDistinguishedNames.fromBER(
    new asn1js.Sequence({
      value: [
        new AttributeTypeAndValue({ type: '2.5.4.10', value: new asn1js.Utf8String({ value: 'Accord' }) }),
        new AttributeTypeAndValue({ type: '2.5.4.3', value: new asn1js.Utf8String({ value: commonName }) }),
      ].map((attribute) => new asn1js.Set({ value: [attribute.toSchema()] })),
    }).toBER(),
  );

// RFC 5280 §4.1.2.5: UTCTime up to 2049, GeneralizedTime from 2050.
const time = (value: Date): Time => new Time({ type: value.getUTCFullYear() < 2050 ? 0 : 1, value });

/**
 * A self-signed seal certificate, its to-be-signed part handed to `signTbs` so the key can be
 * anywhere. Key usage is digital signature and non-repudiation: the key seals documents and
 * certifies nothing else.
 */
const selfSignedCertificate = async (options: {
  publicKeyDer: Uint8Array;
  commonName: string;
  notBefore: Date;
  signTbs: (tbs: Uint8Array) => Promise<Uint8Array>;
}): Promise<Uint8Array> => {
  const certificate = new Certificate();
  certificate.version = 2;
  // RFC 5280 §4.1.2.2: positive, at most 20 octets, unpredictable; the top bits keep it positive and 16 octets long.
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x40;
  certificate.serialNumber = new asn1js.Integer({ valueHex: serial });
  certificate.signature = new AlgorithmIdentifier({ algorithmId: ECDSA_WITH_SHA256 });
  certificate.signatureAlgorithm = new AlgorithmIdentifier({ algorithmId: ECDSA_WITH_SHA256 });
  certificate.issuer = name(options.commonName);
  certificate.subject = name(options.commonName);
  const notAfter = new Date(options.notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + VALIDITY_YEARS);
  certificate.notBefore = time(options.notBefore);
  certificate.notAfter = time(notAfter);
  certificate.subjectPublicKeyInfo = PublicKeyInfo.fromBER(new Uint8Array(options.publicKeyDer));
  // digitalSignature (bit 0) and nonRepudiation (bit 1): 0b11 followed by six unused bits.
  const keyUsage = new asn1js.BitString({ valueHex: new Uint8Array([0xc0]), unusedBits: 6 });
  certificate.extensions = [new Extension({ extnID: KEY_USAGE, critical: true, extnValue: keyUsage.toBER(false), parsedValue: keyUsage })];
  certificate.tbsView = new Uint8Array(certificate.encodeTBS().toBER());
  certificate.signatureValue = new asn1js.BitString({ valueHex: await options.signTbs(certificate.tbsView) });
  return new Uint8Array(certificate.toSchema().toBER());
};

/** A seal signer whose key is a PEM in hand: the local stack's and the tests'. */
export const localSealSigner = (options: { privateKeyPem: string; certificatePem: string }): TSealSigner => {
  const key = createPrivateKey(options.privateKeyPem);
  assertP256(key, 'The seal key');
  return {
    certificates: [new Uint8Array(new X509Certificate(options.certificatePem).raw)],
    algorithm: 'ECDSA_SHA_256',
    sign: async (data) => new Uint8Array(sign('sha256', data, { key, dsaEncoding: 'der' })),
  };
};

/** A new EC P-256 seal key and its self-signed certificate (`CN=<commonName>, O=Accord`, valid ten years), both as PEM. */
export const createLocalSealKey = async (commonName: string): Promise<{ privateKeyPem: string; certificatePem: string }> => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const der = await selfSignedCertificate({
    publicKeyDer: new Uint8Array(publicKey.export({ format: 'der', type: 'spki' })),
    commonName,
    notBefore: new Date(),
    signTbs: async (tbs) => new Uint8Array(sign('sha256', tbs, { key: privateKey, dsaEncoding: 'der' })),
  });
  return {
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    certificatePem: new X509Certificate(Buffer.from(der)).toString(),
  };
};

/**
 * A seal signer over a key held by a KMS-style digest signer (an `ECC_NIST_P256` key with
 * `ECDSA_SHA_256`): the signed attributes are hashed here, so only 32 bytes go to the key.
 */
export const kmsSealSigner = (options: { sign: TDigestSigner; certificates: Uint8Array[] }): TSealSigner => ({
  certificates: options.certificates,
  algorithm: 'ECDSA_SHA_256',
  sign: (data) => options.sign(sha256(data)),
});

/**
 * A self-signed certificate (`CN=<commonName>, O=Accord`, ten years from `notBefore`) for a P-256
 * key that never leaves KMS: `publicKeyDer` is the SubjectPublicKeyInfo that `GetPublicKey`
 * returns, and the certificate's to-be-signed part is hashed here and signed through `sign`.
 */
export const selfSignedCertificateFor = async (options: {
  publicKeyDer: Uint8Array;
  commonName: string;
  sign: TDigestSigner;
  notBefore: Date;
}): Promise<Uint8Array> => {
  assertP256(createPublicKey({ key: Buffer.from(options.publicKeyDer), format: 'der', type: 'spki' }), 'The KMS key');
  return selfSignedCertificate({ ...options, signTbs: (tbs) => options.sign(sha256(tbs)) });
};
