import { friendlyMessage, type TFieldError } from '../errors';

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

/** Where the workspace function is served: these pages share its style sheet and accessibility statement. */
const WORKSPACE_PATH = '/app';

/** GOV.UK Frontend with Accord's own styles, compiled for the workspace (functions/workspace/styles): the one thing these pages load. */
const STYLESHEET_PATH = `${WORKSPACE_PATH}/assets/accord.css`;

/** A strict CSP: nothing loads but Accord's own style sheet, no script runs, no framing, forms only to Accord. */
export const CONTENT_SECURITY_POLICY = ["default-src 'none'", "style-src 'self'", "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'"].join('; ');

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

/**
 * The workspace's header: Accord's own generic header, as Accord is not a GOV.UK service (no crown).
 * Its name leads to the public register, the one index every reader of these pages may open.
 */
const HEADER = html`<header class="govuk-template__header"><div class="govuk-generic-header"><div class="govuk-generic-header__container govuk-width-container"><div class="govuk-generic-header__logo"><a href="/register" class="govuk-generic-header__homepage-link">Accord</a></div></div></div></header>`;

const FOOTER = html`<footer class="govuk-footer accord-no-print"><div class="govuk-width-container"><div class="govuk-footer__meta"><div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
<h2 class="govuk-visually-hidden">Support links</h2>
<ul class="govuk-footer__inline-list"><li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="${WORKSPACE_PATH}/accessibility">Accessibility statement</a></li><li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/register">Public register</a></li></ul>
<p class="govuk-body-s">Accord keeps collaboration agreements under the Policing and Crime Act 2017 and the Police Act 1996.</p>
</div></div></div></footer>`;

/** A line of the error summary: linked to its field when the field is on the page. */
type TErrorSummaryItem = { text: string; href?: string };

const errorSummary = (items: readonly TErrorSummaryItem[]): Html | string =>
  items.length === 0
    ? ''
    : html`<div class="govuk-error-summary"><div role="alert"><h2 class="govuk-error-summary__title">There is a problem</h2><div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list">${items.map(
        (item) => html`<li>${item.href ? html`<a href="${item.href}">${item.text}</a>` : item.text}</li>`,
      )}</ul></div></div></div>`;

/**
 * A page in the GOV.UK template, without its script: every page works with JavaScript off.
 * With `errorList`, the title says so and the error summary comes first.
 */
export const layout = (title: string, body: Html, options: { errorList?: readonly TErrorSummaryItem[]; backLink?: { href: string; text: Html } } = {}): string => {
  const errorList = options.errorList ?? [];
  return `<!DOCTYPE html>${html`<html lang="en-GB" class="govuk-template"><head><meta charset="utf-8"><title>${errorList.length ? 'Error: ' : ''}${title} – Accord</title><meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover"><meta name="robots" content="noindex"><link rel="stylesheet" href="${STYLESHEET_PATH}"></head>
<body class="govuk-template__body">
<a href="#main-content" class="govuk-skip-link">Skip to main content</a>
${HEADER}
<div class="govuk-width-container">${options.backLink ? html`<a href="${options.backLink.href}" class="govuk-back-link">${options.backLink.text}</a>` : ''}
<main class="govuk-main-wrapper" id="main-content">${errorSummary(errorList)}
${body}
</main></div>
${FOOTER}
</body></html>`}`;
};

/** A form's field as the error pattern knows it: its name (also its id, which the summary links to) and what the summary calls it. */
type TFormField = { name: string; label: string };

/**
 * A form's errors as the GOV.UK error pattern shows them: the summary's list, in the order the
 * fields come, each linked to its field, and each field's message beside it in the same words.
 * An error for no field on the page is listed unlinked, so none goes unsaid.
 */
export const formErrors = (given: readonly TFieldError[] | undefined, fields: readonly TFormField[]) => {
  const errors = given ?? [];
  const byField = new Map<string, string>();
  for (const field of fields) {
    const error = errors.find((candidate) => candidate.path === field.name);
    if (error) byField.set(field.name, `${field.label}: ${friendlyMessage(error.message)}`);
  }
  const errorList: TErrorSummaryItem[] = [
    ...[...byField].map(([name, text]) => ({ text, href: `#${name}` })),
    ...errors.filter((error) => !fields.some((field) => field.name === error.path)).map((error) => ({ text: friendlyMessage(error.message) })),
  ];
  return { errorList, messageFor: (name: string) => byField.get(name) };
};

const errorMessage = (id: string, message: string | undefined): Html | string =>
  message ? html`<p id="${id}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${message}</p>` : '';

/**
 * An attribute written only when it has a value. Built here, not in an `html` fragment: a fragment
 * that starts inside a tag cannot tell its values are attribute values.
 */
const optionalAttribute = (name: string, value: string | undefined): Html | string => (value ? new Html(` ${name}="${escapeHtml(value)}"`) : '');

const describedBy = (id: string, message: string | undefined) => optionalAttribute('aria-describedby', message ? `${id}-error` : undefined);

const formGroupClass = (message: string | undefined) => (message ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group');

/** Radios in a fieldset; the first is the field's id, so the error summary's link lands on it. */
export const radios = (field: { name: string; legend: Html; error?: string; items: { value: string; label: Html; checked: boolean }[] }): Html =>
  html`<div class="${formGroupClass(field.error)}"><fieldset class="govuk-fieldset"${describedBy(field.name, field.error)}><legend class="govuk-fieldset__legend govuk-fieldset__legend--m">${field.legend}</legend>
${errorMessage(field.name, field.error)}<div class="govuk-radios">${field.items.map((item, index) => {
    const id = index === 0 ? field.name : `${field.name}-${index + 1}`;
    return html`<div class="govuk-radios__item"><input class="govuk-radios__input" id="${id}" name="${field.name}" type="radio" value="${item.value}"${item.checked ? html` checked` : ''}><label class="govuk-label govuk-radios__label" for="${id}">${item.label}</label></div>`;
  })}</div></fieldset></div>`;

export const textInput = (field: { name: string; label: Html; value: string; error?: string; autocomplete?: string }): Html =>
  html`<div class="${formGroupClass(field.error)}"><label class="govuk-label" for="${field.name}">${field.label}</label>
${errorMessage(field.name, field.error)}<input class="govuk-input${field.error ? ' govuk-input--error' : ''}" id="${field.name}" name="${field.name}" type="text" value="${field.value}"${optionalAttribute('autocomplete', field.autocomplete)}${describedBy(field.name, field.error)}></div>`;

export const textarea = (field: { name: string; label: Html; value: string; error?: string; rows: number }): Html =>
  html`<div class="${formGroupClass(field.error)}"><label class="govuk-label" for="${field.name}">${field.label}</label>
${errorMessage(field.name, field.error)}<textarea class="govuk-textarea${field.error ? ' govuk-textarea--error' : ''}" id="${field.name}" name="${field.name}" rows="${String(field.rows)}"${describedBy(field.name, field.error)}>${field.value}</textarea></div>`;

export const select = (field: { name: string; label: Html; error?: string; options: { value: string; text: string; selected: boolean }[] }): Html =>
  html`<div class="${formGroupClass(field.error)}"><label class="govuk-label" for="${field.name}">${field.label}</label>
${errorMessage(field.name, field.error)}<select class="govuk-select${field.error ? ' govuk-select--error' : ''}" id="${field.name}" name="${field.name}"${describedBy(field.name, field.error)}>${field.options.map(
    (option) => html`<option value="${option.value}"${option.selected ? html` selected` : ''}>${option.text}</option>`,
  )}</select></div>`;

export const summaryList = (rows: { key: Html; value: Html | string }[]): Html =>
  html`<dl class="govuk-summary-list">${rows.map((row) => html`<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${row.key}</dt><dd class="govuk-summary-list__value">${row.value}</dd></div>`)}</dl>`;

/** A notification banner, one a page: a success is announced as soon as the page opens; anything else is a landmark to find. */
export const notificationBanner = (banner: { success?: boolean; content: Html }): Html =>
  html`<div class="govuk-notification-banner${banner.success ? ' govuk-notification-banner--success' : ''}" role="${banner.success ? 'alert' : 'region'}" aria-labelledby="govuk-notification-banner-title"><div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="govuk-notification-banner-title">${banner.success ? html`Success` : html`Important`}</h2></div><div class="govuk-notification-banner__content">${banner.content}</div></div>`;

/**
 * A long text (an agreement's, rendered) in a box that scrolls on its own. The box is a labelled
 * region a keyboard can focus, so someone without a mouse can scroll it too.
 */
export const scrollingDocument = (label: string, content: Html): Html =>
  html`<div class="accord-document govuk-body" tabindex="0" role="region" aria-label="${label}">${content}</div>`;
