import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { inspectUpload } from '../../../shared/document/inspect-upload';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const declared = (bytes: Uint8Array, contentType: string) => ({ size: bytes.length, sha256: sha256(bytes), contentType: contentType as 'application/pdf' });
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffdb', 'hex');

const pdf = async (encrypted = false) => {
  const document = await PDFDocument.create();
  document.addPage().drawText('Schedule');
  const text = Buffer.from(await document.save({ useObjectStreams: false })).toString('latin1');
  return Buffer.from(encrypted ? text.replace(/trailer\s*<</, 'trailer\n<<\n/Encrypt << /Filter /Standard /V 1 /R 2 >>') : text, 'latin1');
};

describe('the check of uploaded bytes', () => {
  it('keeps a file whose bytes are what was declared, recognised by their signature', async () => {
    const file = await pdf();
    expect(await inspectUpload(file, declared(file, 'application/pdf'))).toEqual({ accepted: true });
    expect(await inspectUpload(PNG, declared(PNG, 'image/png'))).toEqual({ accepted: true });
    expect(await inspectUpload(JPEG, declared(JPEG, 'image/jpeg'))).toEqual({ accepted: true });
  });

  it('refuses, naming why: empty, another size, another hash, another type, no known type, a password-protected PDF', async () => {
    const file = await pdf();
    const refusal = async (bytes: Uint8Array, declaration: ReturnType<typeof declared>) => ((await inspectUpload(bytes, declaration)) as { refusal?: string }).refusal;
    expect(await refusal(Buffer.alloc(0), declared(file, 'application/pdf'))).toBe('empty');
    expect(await refusal(file, { ...declared(file, 'application/pdf'), size: file.length + 1 })).toBe('size_mismatch');
    expect(await refusal(file, { ...declared(file, 'application/pdf'), sha256: sha256(PNG) })).toBe('hash_mismatch');
    // A PNG named and declared as a PDF.
    expect(await refusal(PNG, declared(PNG, 'application/pdf'))).toBe('type_mismatch');
    const text = Buffer.from('Just words, no known signature.');
    expect(await refusal(text, declared(text, 'application/pdf'))).toBe('unsupported_type');
    const locked = await pdf(true);
    expect(await refusal(locked, declared(locked, 'application/pdf'))).toBe('encrypted_pdf');
  });
});
