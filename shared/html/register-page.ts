import type { TRegisterEntry } from '../schemas/register';
import { dateInWords } from '../domain/calendar';
import { html, joinIsolated, layout } from './page';

export const renderRegisterPage = (entries: TRegisterEntry[], nextCursor: string | null): string =>
  layout(
    'Register of collaboration agreements',
    html`<h1>Register of collaboration agreements</h1>
<p class="muted">Agreements in force between emergency services and their partners (Policing and Crime Act 2017; Police Act 1996 s.23E). Also as <a href="register.json">JSON</a> and <a href="register.csv">CSV</a>.</p>
<table><tr><th>Agreement</th><th>Parties</th><th>In force</th></tr>
${entries.map(
  (entry) => html`<tr><td><strong>${entry.reference}</strong> v${entry.version}: ${entry.title}<br><span class="muted">${entry.summary}</span><br><a class="hash" href="verify/${entry.documentSha256 ?? ''}">${entry.documentSha256}</a></td>
<td>${joinIsolated(entry.parties)}</td><td class="nowrap">${entry.effectiveDate ? dateInWords(entry.effectiveDate) : '—'}<br><span class="muted">review ${entry.nextReviewDate ? dateInWords(entry.nextReviewDate) : '—'}</span></td></tr>`,
)}</table>
${entries.length === 0 ? html`<p>No agreements are published yet.</p>` : ''}
${nextCursor ? html`<p><a href="register?cursor=${encodeURIComponent(nextCursor)}">More</a></p>` : ''}`,
  );
