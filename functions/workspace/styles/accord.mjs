/* global document, location -- runs in the browser */
// Progressive enhancement only: every page works without it.
import { initAll } from './govuk-frontend.min.js';

initAll();

// A session ends after an hour without a request. Typing sends none, so while someone is filling
// in a form, a quiet request every few minutes keeps their session: a long draft is not lost.
const KEEP_ALIVE_MS = 5 * 60 * 1000;
let lastKept = Date.now();
document.addEventListener('input', () => {
  if (Date.now() - lastKept < KEEP_ALIVE_MS) return;
  lastKept = Date.now();
  fetch(new URL('../keep-alive', import.meta.url), { credentials: 'same-origin', cache: 'no-store' }).catch(() => undefined);
});

// A file larger than a form post can carry goes straight to the documents bucket: Accord is told
// its name, size and SHA-256, answers with an upload URL, and the bytes go there. Smaller files,
// and every file without JavaScript, go with the form.
const sha256Hex = async (file) =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()))].map((byte) => byte.toString(16).padStart(2, '0')).join('');

const showUploadError = (form, message) => {
  const group = form.querySelector('.govuk-form-group');
  group.classList.add('govuk-form-group--error');
  let error = form.querySelector('#file-error');
  if (!error) {
    error = document.createElement('p');
    error.id = 'file-error';
    error.className = 'govuk-error-message';
    group.querySelector('input[type=file]').before(error);
    group.querySelector('input[type=file]').setAttribute('aria-describedby', 'file-error');
  }
  error.textContent = `Error: ${message}`;
  form.querySelector('input[type=file]').focus();
};

for (const form of document.querySelectorAll('form[data-direct-upload]')) {
  form.addEventListener('submit', async (event) => {
    const file = form.querySelector('input[type=file]').files[0];
    if (!file || file.size <= Number(form.dataset.directUploadOver)) return;
    event.preventDefault();
    const button = form.querySelector('button');
    button.disabled = true;
    try {
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
      const answer = await declared.json();
      if (!declared.ok) return showUploadError(form, answer.error ?? 'The file could not be added.');
      const sent = await fetch(answer.uploadUrl, { method: 'PUT', headers: answer.uploadHeaders, body: file });
      if (!sent.ok) return showUploadError(form, 'The file could not be sent. Reload the page: it shows as not uploaded; remove it and add it again.');
      location.assign(answer.next);
    } catch {
      showUploadError(form, 'The file could not be sent. Check your connection and try again.');
    } finally {
      button.disabled = false;
    }
  });
}
