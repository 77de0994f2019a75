import { createRequire } from 'node:module';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import type { TUser } from '../../shared/domain/user';

/**
 * What the workspace reads beside its code: GOV.UK Frontend's templates, compiled, and the built
 * style sheet and scripts (infra/workspace-assets.mjs). In the Lambda asset they sit beside the
 * bundle; in the repository, beside this module, where the local stack builds them.
 */
export const BUILD_DIR = fileURLToPath(new URL('./build/', import.meta.url));

const LAYOUT = `{% extends "govuk/template.njk" %}
{% from "govuk/components/generic-header/macro.njk" import govukGenericHeader %}
{% from "govuk/components/service-navigation/macro.njk" import govukServiceNavigation %}
{% from "govuk/components/back-link/macro.njk" import govukBackLink %}
{% from "govuk/components/error-summary/macro.njk" import govukErrorSummary %}
{% from "govuk/components/notification-banner/macro.njk" import govukNotificationBanner %}
{% set htmlLang = "en-GB" %}
{% block pageTitle %}{% if errorList and errorList.length %}Error: {% endif %}{{ title }} – Accord{% endblock %}
{% block head %}<meta name="robots" content="noindex"><link rel="stylesheet" href="{{ base }}/assets/accord.css">{% endblock %}
{% block headIcons %}{% endblock %}
{% block header %}
<header class="govuk-template__header">
{{ govukGenericHeader({ logoText: "Accord", url: base }) }}
{% set signOut %}{% if user %}<li class="govuk-service-navigation__item"><form method="post" action="{{ base }}/sign-out" class="govuk-!-display-inline"><input type="hidden" name="csrfToken" value="{{ csrfToken }}"><button type="submit" class="govuk-service-navigation__link accord-link-button">Sign out<span class="govuk-visually-hidden"> {{ user.email }}</span></button></form></li>{% endif %}{% endset %}
{{ govukServiceNavigation({
  serviceName: "Collaboration agreements",
  serviceUrl: base,
  navigation: navigation,
  slots: { navigationEnd: signOut }
}) }}
</header>
{% endblock %}
{% block beforeContent %}{% if backLink %}{{ govukBackLink({ href: backLink.href, text: backLink.text }) }}{% endif %}{% endblock %}
{% block content %}
{% if errorList and errorList.length %}{{ govukErrorSummary({ titleText: "There is a problem", errorList: errorList }) }}{% endif %}
{% if notice %}{{ govukNotificationBanner({ type: "success", text: notice }) }}{% endif %}
{% block page %}{% endblock %}
{% endblock %}
{% block footer %}
<footer class="govuk-footer accord-no-print"><div class="govuk-width-container"><div class="govuk-footer__meta"><div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
<h2 class="govuk-visually-hidden">Support links</h2>
<ul class="govuk-footer__inline-list"><li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="{{ base }}/accessibility">Accessibility statement</a></li><li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/register">Public register</a></li></ul>
<p class="govuk-body-s">Accord keeps collaboration agreements under the Policing and Crime Act 2017 and the Police Act 1996.</p>
</div></div></div></footer>
{% endblock %}
{% block bodyEnd %}<script type="module" src="{{ base }}/assets/accord.mjs"></script>{% endblock %}`;

/** Macros of Accord's own, shared by the pages' forms. */
const MACROS = `{% from "govuk/components/date-input/macro.njk" import govukDateInput %}
{% macro dateField(path, label, parts, hint, error) %}
{% set classes = " govuk-input--error" if error else "" %}
{{ govukDateInput({ id: path | replace(".", "-"), namePrefix: path, fieldset: { legend: { text: label, classes: "govuk-fieldset__legend--s" } }, hint: { text: hint } if hint else undefined, errorMessage: error,
  items: [
    { name: "day", label: "Day", classes: "govuk-input--width-2" + classes, value: parts.day },
    { name: "month", label: "Month", classes: "govuk-input--width-2" + classes, value: parts.month },
    { name: "year", label: "Year", classes: "govuk-input--width-4" + classes, value: parts.year }
  ] }) }}
{% endmacro %}
{% from "govuk/components/warning-text/macro.njk" import govukWarningText %}
{% macro auditTrail(events, brokenAt) %}
{% if brokenAt === null %}<div class="govuk-inset-text">The chain of {{ events.length }} events is intact: each event holds the hash of the one before it.</div>
{% else %}{{ govukWarningText({ text: "The chain is broken at event " + brokenAt + ": the trail has been altered." }) }}{% endif %}
<table class="govuk-table">
  <caption class="govuk-table__caption govuk-visually-hidden">Events, oldest first</caption>
  <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">#</th><th scope="col" class="govuk-table__header">When</th><th scope="col" class="govuk-table__header">What</th><th scope="col" class="govuk-table__header">Who</th></tr></thead>
  <tbody class="govuk-table__body">{% for event in events %}<tr class="govuk-table__row"><td class="govuk-table__cell">{{ event.seq }}</td><td class="govuk-table__cell">{{ event.when }}</td><td class="govuk-table__cell">{{ event.what }}{% if event.detail %}<br><span class="govuk-body-s">{{ event.detail }}</span>{% endif %}</td><td class="govuk-table__cell">{{ event.who }}</td></tr>{% endfor %}</tbody>
</table>
{% endmacro %}`;

/** An audit trail's row as the `auditTrail` macro shows it. */
export type TTrailRow = { seq: number; when: string; what: string; detail?: string; who: string };

/** The components every page may use, imported once here rather than by each page. */
const PAGE_IMPORTS = [
  ...['button', 'checkboxes', 'details', 'fieldset', 'file-upload', 'input', 'inset-text', 'pagination', 'radios', 'select', 'summary-list', 'tag', 'task-list', 'textarea', 'warning-text'].map(
    (component) => `{% from "govuk/components/${component}/macro.njk" import govuk${component.replace(/(^|-)(\w)/g, (_, __, letter: string) => letter.toUpperCase())} %}`,
  ),
  '{% from "accord/macros.njk" import dateField, auditTrail %}',
].join('\n');

const templates = new Map<string, string>([
  ['accord/layout.njk', LAYOUT],
  ['accord/macros.njk', MACROS],
]);

/** Page templates registered by the page modules that own them. */
const pageLoader: nunjucks.ILoader = {
  getSource: (name: string) => {
    const src = templates.get(name);
    return src === undefined ? (null as unknown as nunjucks.LoaderSource) : { src, path: name, noCache: false };
  },
};

/**
 * GOV.UK Frontend's templates as the build compiled them (infra/workspace-assets.mjs): compiling
 * them on a cold start's first page took about 100 ms. They import each other by relative names
 * (`../../macros/attributes.njk`), which resolve among the template names, not on disk.
 */
const govukLoader = () => {
  const loader = new nunjucks.PrecompiledLoader(createRequire(import.meta.url)(`${BUILD_DIR}govuk-templates.cjs`) as never);
  loader.resolve = (from: string, to: string) => posix.join(posix.dirname(from), to);
  return loader;
};

let environment: nunjucks.Environment | undefined;
const env = () => (environment ??= new nunjucks.Environment([pageLoader, govukLoader()], { autoescape: true, throwOnUndefined: false }));

/** Everything the layout reads. */
export type TLayoutContext = {
  title: string;
  base: string;
  cspNonce: string;
  user: TUser | null;
  csrfToken?: string;
  navigation?: { href: string; text: string; active?: boolean }[];
  backLink?: { href: string; text: string };
  errorList?: { text: string; href: string }[];
  notice?: string;
};

/**
 * A page's template, written in Nunjucks with GOV.UK Frontend's macros (all imported for it) and
 * Accord's `dateField`, extending Accord's layout.
 * Registered once when its module loads; compiled on first use and kept for the life of the function.
 */
export const defineView = <TContext extends object>(name: string, source: string) => {
  templates.set(name, `{% extends "accord/layout.njk" %}\n${PAGE_IMPORTS}\n${source}`);
  return (context: TLayoutContext & TContext): string => env().render(name, context);
};
