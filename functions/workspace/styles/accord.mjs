/* global document -- runs in the browser */
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
