/* global document, location -- runs in the browser */
// Progressive enhancement only: every page works without it.
import { initAll } from './govuk-frontend.min.js';

initAll();

// A session ends after an hour without a request. Typing sends none, so while someone is filling
// in a form, a quiet request every few minutes keeps their session: a long draft is not lost. If
// it has ended all the same, they are told before they press save.
const KEEP_ALIVE_MS = 5 * 60 * 1000;
let lastKept = Date.now();
let warned = false;
const warnSignedOut = () => {
  if (warned) return;
  warned = true;
  const warning = document.createElement('div');
  warning.className = 'govuk-warning-text';
  warning.setAttribute('role', 'alert');
  warning.innerHTML = '<span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span></strong>';
  warning.querySelector('strong').append('You have been signed out. Copy what you have typed before you save: saving now will ask you to sign in again, and this form will be lost.');
  document.querySelector('main').prepend(warning);
};
document.addEventListener('input', () => {
  if (Date.now() - lastKept < KEEP_ALIVE_MS) return;
  lastKept = Date.now();
  fetch(new URL('../keep-alive', import.meta.url), { credentials: 'same-origin', cache: 'no-store' })
    .then((reply) => reply.status === 401 && warnSignedOut())
    .catch(() => undefined);
});

// A file larger than a form post can carry goes straight to the documents bucket: Accord is told
// its name, size and SHA-256, answers with an upload URL, and the bytes go there. Smaller files,
// and every file without JavaScript, go with the form.
const sha256Hex = async (file) =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()))].map((byte) => byte.toString(16).padStart(2, '0')).join('');

/** The GOV.UK error pattern for the file field, as the server renders it: message, classes, title, and focus. */
const showUploadError = (form, message) => {
  const input = form.querySelector('input[type=file]');
  const group = input.closest('.govuk-form-group');
  group.classList.add('govuk-form-group--error');
  input.classList.add('govuk-file-upload--error');
  let error = form.querySelector('#file-error');
  if (!error) {
    error = document.createElement('p');
    error.id = 'file-error';
    error.className = 'govuk-error-message';
    input.before(error);
    input.setAttribute('aria-describedby', `${input.getAttribute('aria-describedby') ?? ''} file-error`.trim());
  }
  error.innerHTML = '<span class="govuk-visually-hidden">Error:</span> ';
  error.append(message);
  if (!document.title.startsWith('Error: ')) document.title = `Error: ${document.title}`;
  input.focus();
};

const clearUploadError = (form) => {
  const input = form.querySelector('input[type=file]');
  form.querySelector('#file-error')?.remove();
  input.closest('.govuk-form-group').classList.remove('govuk-form-group--error');
  input.classList.remove('govuk-file-upload--error');
  input.setAttribute('aria-describedby', (input.getAttribute('aria-describedby') ?? '').replace('file-error', '').trim());
  document.title = document.title.replace(/^Error: /, '');
};

for (const form of document.querySelectorAll('form[data-direct-upload]')) {
  const status = document.createElement('p');
  status.className = 'govuk-body';
  status.setAttribute('aria-live', 'polite');
  form.append(status);
  form.addEventListener('submit', async (event) => {
    const file = form.querySelector('input[type=file]').files[0];
    if (!file || file.size <= Number(form.dataset.directUploadOver)) return;
    event.preventDefault();
    clearUploadError(form);
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      status.textContent = `Checking ${file.name}…`;
      const fields = new FormData(form);
      const declared = await fetch(form.dataset.directUpload, {
        method: 'POST',
        credentials: 'same-origin',
        body: new URLSearchParams({
          csrfToken: fields.get('csrfToken'),
          revision: fields.get('revision'),
          displayName: fields.get('name') ?? '',
          name: file.name,
          type: file.type,
          size: String(file.size),
          sha256: await sha256Hex(file),
        }),
      });
      // Anything but Accord's own answer (a sign-in page, a fault) means the page is out of date.
      const answer = await declared.json().catch(() => null);
      if (!declared.ok || !answer?.uploadUrl) {
        return showUploadError(form, answer?.error ?? 'The file could not be added. Reload the page (you may need to sign in again) and add it again.');
      }
      status.textContent = `Sending ${file.name}…`;
      const sent = await fetch(answer.uploadUrl, { method: 'PUT', headers: answer.uploadHeaders, body: file });
      if (!sent.ok) return showUploadError(form, 'The file could not be sent. Reload the page: it shows as not uploaded; remove it and add it again.');
      location.assign(answer.next);
    } catch {
      showUploadError(form, 'The file could not be sent. Reload the page: if it shows as not uploaded, remove it and add it again.');
    } finally {
      status.textContent = '';
      button.disabled = false;
    }
  });
}
