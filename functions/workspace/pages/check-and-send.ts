import { submissionProblems } from '../../../shared/domain/signing/sign-off';
import { getAgreement } from '../../../shared/domain/agreement/read-agreements';
import { dateInWords } from '../../../shared/domain/calendar';
import { AppError, type TFieldError } from '../../../shared/errors';
import { ATTACHMENT_TYPES, fileSizeInWords } from '../../../shared/schemas/attachment';
import type { TAgreement } from '../../../shared/schemas/agreement';
import { agencies, agreements } from '../dependencies';
import { fieldId } from '../form';
import type { TPage } from '../page-route';
import { defineView } from '../view';
import { renderFixBeforeSending } from './draft-form';
import { LEGAL_BASIS_LABELS } from './labels';

type TTask = { title: { text: string }; href?: string; hint?: { text: string }; status: { text?: string; classes?: string; tag?: { text: string; classes: string } } };

const INCOMPLETE = { tag: { text: 'Incomplete', classes: 'govuk-tag--blue' } };
const COMPLETED = { text: 'Completed' };

const editHref = (base: string, agreement: TAgreement, path: string) => `${base}/agreements/${agreement.id}/edit#${fieldId(path)}`;

/** What stops this draft going for signature, as submitting will check it, today. */
export const readinessOf = (agreement: TAgreement) => submissionProblems({ agreement, agencies, agreements, now: new Date() });

/**
 * What a draft needs before it can be sent, as a GOV.UK task list: each part of what submitting
 * checks (`problems`), complete or not, linked to where it is done. Only when nothing is left can
 * it be checked and sent.
 */
export const draftTasks = (agreement: TAgreement, base: string, problems: TFieldError[]): TTask[] => {
  const fails = (matches: (path: string) => boolean) => problems.find((error) => matches(error.path));
  const task = (text: string, hint: string, failure: TFieldError | undefined, fallback: string, href = editHref(base, agreement, failure?.path ?? fallback)): TTask => ({
    title: { text },
    href,
    hint: { text: failure ? failure.message.replace(/^./, (letter) => letter.toUpperCase()) : hint },
    status: failure ? INCOMPLETE : COMPLETED,
  });
  const pca = agreement.legalBasis === 'PCA2017_S2';
  const ready = problems.length === 0;
  return [
    task('The agreement in writing', 'Its text', fails((path) => path === 'body'), 'body'),
    task('Who the parties are', 'At least two, each with a legal contact, and a police force only with its policing body', fails((path) => path === 'parties' || /^parties\.\d+\.agencyId$/.test(path)), 'parties-0-agencyId'),
    ...(pca ? [task('Each party’s assessments (s.2)', 'Effect on its efficiency or effectiveness, and on public safety', fails((path) => /\.assessment\./.test(path)), 'parties-0-assessment-efficiencyEffectiveness')] : []),
    ...(agreement.parties.some((party) => party.agencyType === 'policing_body')
      ? [task('Consultation of the chief officer', 'Recorded, or not needed: the force is a party too', fails((path) => /\.consultation(\.\w+)?$/.test(path)), 'parties-0-agencyId')]
      : []),
    task('Who signs for each party', 'Each on their agency’s list, in order, with the approvals each party needs', fails((path) => /\.(signatories(\.\d+\.\w+)?|requiredApprovals)$/.test(path)), 'parties-0-signatories-0-name'),
    ...(pca ? [task('How a party may withdraw (s.4)', 'The withdrawal terms', fails((path) => path === 'withdrawalTerms'), 'withdrawalTerms')] : []),
    task('Dates and publication', 'When it comes into force, its reviews, any end date, and whether the register shows it', fails((path) => /^(effectiveDate|nextReviewDate|expiryDate|reviewIntervalMonths|publish|publishExemptionReason)$/.test(path)), 'effectiveDate'),
    task('Files', 'None needed; each one added must be checked and ready', fails((path) => path.startsWith('attachments')), 'files', `${base}/agreements/${agreement.id}#files`),
    {
      title: { text: 'Check and send for signature' },
      ...(ready ? { href: `${base}/agreements/${agreement.id}/submit` } : {}),
      status: ready ? { tag: { text: 'Not yet started', classes: 'govuk-tag--blue' } } : { text: 'Cannot start yet', classes: 'govuk-task-list__status--cannot-start-yet' },
    },
  ];
};

const checkView = defineView<{ agreement: TAgreement; sections: { heading: string; rows: object[] }[] }>(
  'accord/check-and-send.njk',
  `{% block page %}
<span class="govuk-caption-l">{{ agreement.reference }}, version {{ agreement.version }}</span>
<h1 class="govuk-heading-l">Check the agreement before you send it</h1>
{% for section in sections %}
<h2 class="govuk-heading-m">{{ section.heading }}</h2>
{{ govukSummaryList({ rows: section.rows }) }}
{% endfor %}
<h2 class="govuk-heading-m">Now send it for signature</h2>
<p class="govuk-body">Each party’s first signatories are emailed a link to read this text and approve or decline it. What they sign is fixed now: its document hash covers the text, the parties and the files above. To change anything after this, withdraw it and revise it.</p>
<form method="post" action="{{ base }}/agreements/{{ agreement.id }}/submit" novalidate>
<input type="hidden" name="csrfToken" value="{{ csrfToken }}"><input type="hidden" name="revision" value="{{ agreement.revision }}">
{{ govukButton({ text: "Send for signature" }) }}
</form>
{% endblock %}`,
);

const row = (key: string, value: string, href: string, what: string) => ({ key: { text: key }, value: { text: value }, actions: { items: [{ href, text: 'Change', visuallyHiddenText: what }] } });

const sectionsOf = (agreement: TAgreement, base: string) => {
  const edit = (path: string) => editHref(base, agreement, path);
  const date = (value: string | null | undefined, otherwise: string) => (value ? dateInWords(value) : otherwise);
  return [
    {
      heading: 'The agreement',
      rows: [
        row('Title', agreement.title, edit('title'), 'the title'),
        row('Summary', agreement.summary || 'Not given', edit('summary'), 'the summary'),
        row('Legal basis', LEGAL_BASIS_LABELS[agreement.legalBasis], edit('legalBasis'), 'the legal basis'),
        row('Functions', agreement.functions.join(', ') || 'Not given', edit('functions'), 'the functions'),
        row('Text', `${agreement.body.trim().split(/\s+/).length} words`, edit('body'), 'the text'),
        row('How a party may withdraw', agreement.withdrawalTerms || 'Not given', edit('withdrawalTerms'), 'the withdrawal terms'),
        row('Comes into force', date(agreement.effectiveDate, 'When the last party signs'), edit('effectiveDate'), 'the date it comes into force'),
        row('Reviewed', `Every ${agreement.reviewIntervalMonths} months${agreement.nextReviewDate ? `, first on ${dateInWords(agreement.nextReviewDate)}` : ''}`, edit('reviewIntervalMonths'), 'the review interval'),
        row('Expires', date(agreement.expiryDate, 'No end date'), edit('expiryDate'), 'the expiry date'),
        row('Published on the register', agreement.publish ? 'Yes' : `No, because: ${agreement.publishExemptionReason}`, edit('publish'), 'publication'),
      ],
    },
    ...agreement.parties.map((party, index) => ({
      heading: `Party ${index + 1}: ${party.agencyName}`,
      rows: [
        ...(agreement.legalBasis === 'PCA2017_S2'
          ? [
              row('Effect on its efficiency or effectiveness', party.assessment.efficiencyEffectiveness ?? '', edit(`parties.${index}.assessment.efficiencyEffectiveness`), `${party.agencyName}’s assessment of efficiency and effectiveness`),
              row('Effect on public safety', party.assessment.publicSafety ?? '', edit(`parties.${index}.assessment.publicSafety`), `${party.agencyName}’s assessment of public safety`),
            ]
          : []),
        ...(party.consultation ? [row('Chief officer consulted', `${party.consultation.chiefOfficer}, on ${dateInWords(party.consultation.consultedOn)}: ${party.consultation.outcome}`, edit(`parties.${index}.consultation.consultedOn`), `${party.agencyName}’s consultation`)] : []),
        ...party.signatories.map((signatory, position) =>
          row(`Signs ${signatory.order === 1 ? 'first' : `in turn ${signatory.order}`}`, `${signatory.name}, ${signatory.role} (${signatory.email})`, edit(`parties.${index}.signatories.${position}.name`), `${signatory.name}`),
        ),
        row('Approvals needed', `${party.requiredApprovals} of ${party.signatories.length}`, edit(`parties.${index}.requiredApprovals`), `the approvals ${party.agencyName} needs`),
      ],
    })),
    {
      heading: 'Files',
      rows: agreement.attachments.length
        ? agreement.attachments.map((file) => ({ key: { text: file.name }, value: { text: `${ATTACHMENT_TYPES[file.contentType]}, ${fileSizeInWords(file.size)}` }, actions: { items: [{ href: `${base}/agreements/${agreement.id}#files`, text: 'Change', visuallyHiddenText: file.name }] } }))
        : [{ key: { text: 'Files' }, value: { text: 'None: the text is the whole agreement' }, actions: { items: [{ href: `${base}/agreements/${agreement.id}#files`, text: 'Add', visuallyHiddenText: 'a file' }] } }],
    },
  ];
};

/** Check answers before sending: everything that will be signed, each with a way back to change it. */
export const checkAndSendPages: TPage[] = [
  {
    method: 'GET',
    path: '/agreements/{id}/submit',
    role: 'editor',
    handle: async ({ params, user, layout }) => {
      const agreement = await getAgreement({ id: params.id!, user, agreements });
      if (agreement.status !== 'draft') throw new AppError('conflict', 'Only a draft is sent for signature; this one has been sent already.');
      const problems = await readinessOf(agreement);
      if (problems.length) return { html: await renderFixBeforeSending(layout, user, agreement, problems) };
      return {
        html: checkView({
          ...layout,
          title: `Check ${agreement.reference} before you send it`,
          backLink: { href: `${layout.base}/agreements/${agreement.id}`, text: agreement.reference },
          agreement,
          sections: sectionsOf(agreement, layout.base),
        }),
      };
    },
  },
];
