import { createHash } from 'node:crypto';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import * as asn1js from 'asn1js';
import { PDFDocument } from 'pdf-lib';
import {
  AlgorithmIdentifier,
  Attribute,
  Certificate,
  ContentInfo,
  EncapsulatedContentInfo,
  GeneralName,
  GeneralNames,
  IssuerAndSerialNumber,
  IssuerSerial,
  SignedAndUnsignedAttributes,
  SignedData,
  SignerInfo,
} from 'pkijs';

/** Who seals: a certificate chain and a key that signs, wherever the key is kept. */
export type TSealSigner = {
  /** DER certificate chain, the signing certificate first */
  certificates: Uint8Array[];
  /** Signs the DER of the CMS signed attributes; returns the raw signature value as CMS wants it (DER ECDSA-Sig-Value for ECDSA). */
  sign(data: Uint8Array): Promise<Uint8Array>;
  algorithm: 'ECDSA_SHA_256' | 'RSASSA_PKCS1_V1_5_SHA_256';
};

/**
 * What the signature dictionary says of the seal; `signedAt` is the signing time PAdES B-B relies
 * on (/M). The placeholder writes `reason`, `name` and `location` as PDF literal strings, byte
 * for byte, so keep them to plain ASCII.
 */
export type TSealOptions = { reason: string; name: string; location?: string; signedAt: Date };

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  sha256WithRsa: '1.2.840.113549.1.1.11',
} as const;

/**
 * Room kept in the PDF for the CMS, in bytes. A P-256 seal with its one certificate takes about
 * 1 KiB; this leaves space for an RSA key and a chain of several certificates.
 */
const CMS_CAPACITY_BYTES = 16 * 1024;

const sha256 = (data: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(data).digest());

const derOf = (value: { toBER(): ArrayBuffer }): Uint8Array => new Uint8Array(value.toBER());

/** DER orders a SET OF by its members' encodings; pkijs writes them in the order given. */
const compareBytes = (a: Uint8Array, b: Uint8Array): number => {
  for (let index = 0; index < Math.min(a.length, b.length); index += 1) {
    if (a[index] !== b[index]) return a[index]! - b[index]!;
  }
  return a.length - b.length;
};

/**
 * ESS signing-certificate-v2 (RFC 5035): binds the signing certificate into what is signed, so
 * it cannot be swapped for another with the same key. PAdES requires it. The hash algorithm is
 * SHA-256, the default, and so is left out of the encoding as DER wants.
 */
const signingCertificateV2 = (certificate: Certificate, certificateDer: Uint8Array): asn1js.Sequence => {
  const issuerSerial = new IssuerSerial({
    issuer: new GeneralNames({ names: [new GeneralName({ type: 4, value: certificate.issuer })] }),
    serialNumber: certificate.serialNumber,
  });
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: sha256(certificateDer) }), issuerSerial.toSchema()] });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
};

/**
 * A detached CMS SignedData over `content` in the CAdES baseline form PAdES B-B asks for:
 * content-type, message-digest and signing-certificate-v2 signed, and no signing-time (the
 * signature dictionary's /M carries the time).
 */
const buildCms = async (content: Uint8Array, signer: TSealSigner): Promise<Uint8Array> => {
  const [signingCertificateDer] = signer.certificates;
  if (!signingCertificateDer) throw new Error('A seal needs its signing certificate: certificates is empty');
  const certificates = signer.certificates.map((der) => Certificate.fromBER(new Uint8Array(der)));
  const signingCertificate = certificates[0]!;

  const attributes = [
    new Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: sha256(content) })] }),
    new Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(signingCertificate, signingCertificateDer)] }),
  ].sort((a, b) => compareBytes(derOf(a.toSchema()), derOf(b.toSchema())));
  const signedAttrs = new SignedAndUnsignedAttributes({ type: 0, attributes });
  // The signature covers the attributes as a universal SET, not as the [0] they are stored under (RFC 5652 §5.4).
  const toBeSigned = derOf(signedAttrs.toSchema());
  toBeSigned[0] = 0x31;

  const sha256Algorithm = new AlgorithmIdentifier({ algorithmId: OID.sha256 });
  const signerInfo = new SignerInfo({
    version: 1,
    sid: new IssuerAndSerialNumber({ issuer: signingCertificate.issuer, serialNumber: signingCertificate.serialNumber }),
    digestAlgorithm: sha256Algorithm,
    signedAttrs,
    // RFC 5758 leaves ECDSA's parameters out; RFC 4055 gives RSA's a NULL.
    signatureAlgorithm:
      signer.algorithm === 'ECDSA_SHA_256'
        ? new AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 })
        : new AlgorithmIdentifier({ algorithmId: OID.sha256WithRsa, algorithmParams: new asn1js.Null() }),
    signature: new asn1js.OctetString({ valueHex: await signer.sign(toBeSigned) }),
  });
  const signedData = new SignedData({
    version: 1,
    digestAlgorithms: [sha256Algorithm],
    encapContentInfo: new EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates,
    signerInfos: [signerInfo],
  });
  return derOf(new ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) }).toSchema());
};

/** @signpdf's hook: it hands over the PDF less the placeholder and puts back what this returns. */
class CadesSigner extends Signer {
  constructor(private readonly signer: TSealSigner) {
    super();
  }

  override async sign(pdfWithoutContents: Buffer): Promise<Buffer> {
    return Buffer.from(await buildCms(pdfWithoutContents, this.signer));
  }
}

/**
 * Seals a PDF with a PAdES baseline B-B signature (SubFilter ETSI.CAdES.detached) covering the
 * whole file, as a readers' signature panel shows it: valid, and the document unaltered since.
 * The seal is an invisible signature field on the first page; the file is written out anew with it,
 * so nothing of the input lies outside the signed range.
 */
export const sealPdf = async (pdf: Uint8Array, signer: TSealSigner, options: TSealOptions): Promise<Uint8Array> => {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  pdflibAddPlaceholder({
    pdfDoc: document,
    reason: options.reason,
    name: options.name,
    location: options.location ?? '',
    contactInfo: '',
    signingTime: options.signedAt,
    // The placeholder's length is counted in hex digits, two to a byte.
    signatureLength: CMS_CAPACITY_BYTES * 2,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'Accord',
  });
  const withPlaceholder = await document.save();
  return new Uint8Array(await new SignPdf().sign(Buffer.from(withPlaceholder), new CadesSigner(signer), options.signedAt));
};
