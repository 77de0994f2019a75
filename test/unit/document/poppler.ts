import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Poppler's command-line tools (Debian's poppler-utils) read the PDFs as a reader would. A
 * missing tool fails the test that needs it, saying what to install: it is never skipped.
 */
const run = (tool: string, args: string[], pdf: Uint8Array): string => {
  const folder = mkdtempSync(join(tmpdir(), 'accord-pdf-'));
  try {
    const file = join(folder, 'document.pdf');
    writeFileSync(file, pdf);
    const result = spawnSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
    if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
      throw new Error(`${tool} is not installed: these tests need Debian's poppler-utils (apt-get install poppler-utils)`);
    }
    if (result.error) throw result.error;
    return `${result.stdout}${result.stderr}`;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
};

/** What `pdfsig` says of the file's signatures. Its exit code is not used: it is non-zero for an untrusted certificate too. */
export const pdfsig = (pdf: Uint8Array): string => run('pdfsig', [], pdf);

/** The file's text as `pdftotext` extracts it, in reading order. */
export const pdftotext = (pdf: Uint8Array, args: string[] = []): string => run('pdftotext', ['-enc', 'UTF-8', ...args], pdf);

/** The document information `pdfinfo` shows (title, producer, dates, pages, page size). */
export const pdfinfo = (pdf: Uint8Array): string => run('pdfinfo', ['-isodates'], pdf);
