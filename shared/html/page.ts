import { createHash } from 'node:crypto';

/** Escapes text for HTML element content and quoted attribute values. */
export const escapeHtml = (value: unknown): string =>
  String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** Tagged template that escapes every interpolated value unless it is already `Html`. */
export class Html {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

/**
 * True where markup cannot go: inside a tag (an attribute value) or in an element whose content is
 * plain text (`title`, `textarea`, `option`, `style`, `script`).
 */
const isTextOnlyContext = (before: string) =>
  before.lastIndexOf('<') > before.lastIndexOf('>') || /<(title|textarea|option|style|script)\b[^>]*>[^<]*$/i.test(before);

/**
 * User text shown in a page is isolated in `<bdi>`, so right-to-left or override characters in
 * one value cannot reorder what is displayed around it.
 */
const renderText = (value: unknown, before: string) =>
  isTextOnlyContext(before) || value === null || value === undefined || value === '' ? escapeHtml(value) : `<bdi>${escapeHtml(value)}</bdi>`;

/** Values joined for display, each isolated on its own (`<bdi>Ben</bdi>, <bdi>Ann</bdi>`). */
export const joinIsolated = (values: readonly unknown[], separator = ', '): Html =>
  new Html(values.map((value) => renderText(value, '')).join(escapeHtml(separator)));

export const html = (strings: TemplateStringsArray, ...values: unknown[]): Html =>
  new Html(
    strings.reduce((out, text, index) => {
      if (index === 0) return text;
      const value = values[index - 1];
      const rendered = Array.isArray(value)
        ? value.map((item) => (item instanceof Html ? item.value : renderText(item, out))).join('')
        : value instanceof Html
          ? value.value
          : renderText(value, out);
      return out + rendered + text;
    }, ''),
  );

export const STYLE = `
body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1b1d21}
main{max-width:46rem;margin:2rem auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 3px #0002}
h1{font-size:1.5rem;margin-top:0}.muted{color:#5b6270}.hash{font-family:ui-monospace,monospace;word-break:break-all;font-size:.85rem}
.text{white-space:pre-wrap;border:1px solid #d5d9e0;border-radius:6px;padding:1rem;max-height:28rem;overflow:auto;background:#fafbfc}
.document{border:1px solid #d5d9e0;border-radius:6px;padding:0 1rem;max-height:36rem;overflow:auto;background:#fafbfc}.document h2{font-size:1.3rem}.document h3{font-size:1.1rem}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #e3e6eb;vertical-align:top}
fieldset{border:1px solid #d5d9e0;border-radius:6px;margin:1rem 0}label{display:block;margin:.5rem 0}
input[type=text],textarea,select{width:100%;box-sizing:border-box;padding:.5rem;font:inherit}
button{font:inherit;padding:.6rem 1.4rem;border:0;border-radius:6px;background:#1d4ed8;color:#fff;cursor:pointer}
.nowrap{white-space:nowrap}.error{color:#b91c1c}.notice{padding:.75rem 1rem;border-radius:6px;background:#eef2ff}.notice:empty{display:none}`;

/** The CSP source that allows exactly the inline style above. */
export const STYLE_SOURCE = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

/** A strict CSP: nothing loads but this page's own inline style, no framing, forms only to itself. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src ${STYLE_SOURCE}`,
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** Headers every Accord HTML page sends (the contract (Sign-off by email link)). */
export const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': CONTENT_SECURITY_POLICY,
  // Pages are only ever served over HTTPS in AWS; browsers ignore this header on plain http://localhost.
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
} as const;

export const layout = (title: string, body: Html, bodyAttributes: Record<string, string> = {}): string => {
  const attributes = new Html(Object.entries(bodyAttributes).map(([name, value]) => ` ${name}="${escapeHtml(value)}"`).join(''));
  return `<!doctype html>${html`<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${title} · Accord</title><style>${new Html(STYLE)}</style></head><body${attributes}><main>${body}</main></body></html>`}`;
};
