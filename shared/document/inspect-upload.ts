import { fileTypeFromBuffer } from 'file-type';
import { PDFDocument } from 'pdf-lib';
import { MAX_ATTACHMENT_BYTES, type TAttachment } from '../schemas/attachment';
import type { TUploadVerdict } from '../domain/agreement/attachments';
import { sha256Hex } from '../domain/audit/audit-chain';

/**
 * Checks uploaded bytes against what was declared: the size, the SHA-256, and the type the bytes
 * themselves show (their signature, and for DOCX, ODT and XLSX the parts of the package), never
 * the name. A PDF must open without a password, so every party and the executed copy can read it.
 */
export const inspectUpload = async (bytes: Uint8Array, declared: Pick<TAttachment, 'size' | 'sha256' | 'contentType'>): Promise<TUploadVerdict> => {
  const refuse = (refusal: Exclude<TUploadVerdict, { accepted: true }>['refusal']): TUploadVerdict => ({ accepted: false, refusal });
  if (bytes.length === 0) return refuse('empty');
  if (bytes.length > MAX_ATTACHMENT_BYTES) return refuse('too_large');
  if (bytes.length !== declared.size) return refuse('size_mismatch');
  if (sha256Hex(bytes) !== declared.sha256) return refuse('hash_mismatch');
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected) return refuse('unsupported_type');
  if (detected.mime !== declared.contentType) return refuse('type_mismatch');
  if (detected.mime === 'application/pdf' && (await isEncryptedPdf(bytes))) return refuse('encrypted_pdf');
  return { accepted: true };
};

const isEncryptedPdf = async (bytes: Uint8Array) => {
  try {
    const pdf = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
    return pdf.isEncrypted;
  } catch {
    // A PDF pdf-lib cannot parse at all may still be read by others; only an Encrypt entry refuses it.
    return /\/Encrypt[\s<0-9]/.test(Buffer.from(bytes).toString('latin1'));
  }
};
