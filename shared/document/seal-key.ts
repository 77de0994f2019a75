import { GetPublicKeyCommand, KMSClient, SignCommand } from '@aws-sdk/client-kms';
import type { TSettings } from '../config';
import type { TFileStore } from '../domain/ports';
import { traceAwsClient } from '../xray-tracer';
import type { TSealSigner } from './seal';
import { kmsSealSigner, localSealSigner, selfSignedCertificateFor } from './seal-signers';

/** The seal's certificate, kept beside the copies it seals so every copy names the same one. */
const CERTIFICATE_KEY = 'seal/certificate.der';
const SEAL_NAME = 'Accord executed copies';

/**
 * Accord's seal. In AWS the private key is an asymmetric KMS key (ECC_NIST_P256) that never leaves
 * KMS: each seal sends KMS only a digest. Its self-signed certificate is made once, through KMS,
 * and kept in the documents bucket. Locally the key and certificate come with the stack's data.
 */
export const loadSealSigner = (setting: TSettings['seal'], files: TFileStore): (() => Promise<TSealSigner>) => {
  if (setting.kind === 'local') {
    const signer = localSealSigner(setting);
    return async () => signer;
  }
  const kms = traceAwsClient(new KMSClient({ region: setting.region }));
  const sign = async (digest: Uint8Array) => {
    const { Signature } = await kms.send(new SignCommand({ KeyId: setting.keyId, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: 'ECDSA_SHA_256' }));
    if (!Signature) throw new Error('KMS returned no signature');
    return Signature;
  };
  let signer: Promise<TSealSigner> | undefined;
  const load = async (): Promise<TSealSigner> => {
    let certificate = await files.read(CERTIFICATE_KEY);
    if (!certificate) {
      const { PublicKey } = await kms.send(new GetPublicKeyCommand({ KeyId: setting.keyId }));
      if (!PublicKey) throw new Error('KMS returned no public key');
      const made = await selfSignedCertificateFor({ publicKeyDer: PublicKey, commonName: SEAL_NAME, sign, notBefore: new Date() });
      // Two first seals at once make one certificate between them: the later takes the one stored.
      certificate = (await files.write(CERTIFICATE_KEY, made, 'application/pkix-cert', { ifAbsent: true })) ? made : await files.read(CERTIFICATE_KEY);
      if (!certificate) throw new Error('The seal certificate was neither written nor found');
    }
    return kmsSealSigner({ sign, certificates: [certificate] });
  };
  return () => {
    signer ??= load().catch((error: unknown) => {
      signer = undefined;
      throw error;
    });
    return signer;
  };
};
