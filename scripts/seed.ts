/**
 * `npm run seed`: loads a realistic demo into a running local stack (`npm start`): agencies of
 * Warwickshire and the West Midlands, and agreements in several states, signed through the
 * same email links a person would click. Talks only HTTP, like a user would, and the API through
 * the client generated from its OpenAPI document, like an integrator would.
 */
import { createAccordClient, must } from '../client/accord-client';
import type { components } from '../client/accord-api';

const BASE = (process.env.SEED_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, '');
const MAILBOX = `http://localhost:${process.env.SES_PORT ?? 8005}`;

let token: string | undefined;
const api = createAccordClient({ baseUrl: BASE, token: () => token });

const person = (name: string, role: string, email: string, order?: number) => ({ name, role, email, ...(order ? { order } : {}) });

const cfo = person('Ben Brook', 'Chief Fire Officer', 'cfo@warwickshire-fire.example.gov.uk');
const cc = person('Alex Franklin-Smith', 'Chief Constable', 'cc@warwickshire-police.example.gov.uk');
const pcc = person('Philip Seccombe', 'Police and Crime Commissioner', 'pcc@warwickshire-pcc.example.gov.uk', 2);
const ambulance = person('Anthony Marsh', 'Chief Executive', 'ceo@wmas.example.nhs.uk');
const staffsCfo = person('Rob Barber', 'Chief Fire Officer', 'cfo@staffordshire-fire.example.gov.uk');
const staffsCc = person('Chris Noble', 'Chief Constable', 'cc@staffordshire-police.example.gov.uk');
const commissioner = person('Ben Adams', 'Commissioner', 'commissioner@staffordshire.example.gov.uk');
const councilCeo = person('Monica Fogarty', 'Chief Executive', 'ceo@warwickshire.example.gov.uk');

/** Each agency with who may sign for it (and its email domains) and who is told when it is named. */
const AGENCIES: (components['schemas']['CreateAgencyRequest'] & { id: string; signatories: ReturnType<typeof person>[]; domains: string[] })[] = [
  { id: 'warwickshire-pcc', name: 'Police and Crime Commissioner for Warwickshire', type: 'policing_body', signatories: [pcc], domains: ['warwickshire-pcc.example.gov.uk'] },
  { id: 'warwickshire-police', name: 'Warwickshire Police', type: 'police_force', policingBodyId: 'warwickshire-pcc', signatories: [cc], domains: ['warwickshire-police.example.gov.uk'] },
  { id: 'warwickshire-fire', name: 'Warwickshire Fire and Rescue Service', type: 'fire_and_rescue_authority', signatories: [cfo], domains: ['warwickshire-fire.example.gov.uk'] },
  { id: 'west-midlands-ambulance', name: 'West Midlands Ambulance Service NHS Foundation Trust', type: 'ambulance_trust', signatories: [ambulance], domains: ['wmas.example.nhs.uk'] },
  { id: 'warwickshire-county-council', name: 'Warwickshire County Council', type: 'local_authority', signatories: [councilCeo], domains: ['warwickshire.example.gov.uk'] },
  { id: 'staffordshire-commissioner', name: 'Staffordshire Commissioner Fire and Rescue and Police', type: 'policing_body', signatories: [commissioner], domains: ['staffordshire.example.gov.uk'] },
  { id: 'staffordshire-police', name: 'Staffordshire Police', type: 'police_force', policingBodyId: 'staffordshire-commissioner', signatories: [staffsCc], domains: ['staffordshire-police.example.gov.uk'] },
  { id: 'staffordshire-fire', name: 'Staffordshire Fire and Rescue Service', type: 'fire_and_rescue_authority', signatories: [staffsCfo], domains: ['staffordshire-fire.example.gov.uk'] },
];

const assessment = {
  efficiencyEffectiveness: 'Shared premises and joint procurement reduce running costs by an estimated 12%.',
  publicSafety: 'No adverse effect: response standards are unchanged and monitored quarterly.',
};

const party = (agencyId: string, signatories: ReturnType<typeof person>[]) => ({ agencyId, assessment, signatories });

const draft = (title: string, summary: string, parties: ReturnType<typeof party>[], extra: { effectiveDate?: string; nextReviewDate?: string; legalBasis?: 'OTHER' } = {}) => ({
  title,
  summary,
  legalBasis: 'PCA2017_S2' as const,
  functions: ['Estates', 'Fleet maintenance'],
  body: `# ${title}\n\n## 1. Purpose\n\n${summary}\n\n## 2. Governance\n\nA joint board of the parties meets quarterly.\n\n## 3. Costs\n\nCosts are shared in proportion to use.`,
  withdrawalTerms: 'A party may withdraw on six months written notice to every other party; shared assets are then valued and settled.',
  legalContacts: ['legal@warwickshire.example.gov.uk'],
  parties,
  ...extra,
});

const usedLinks = new Set<string>();

/** Waits for a link in the local mailbox for this address that has not been used yet, as clicking the email would. */
const linkFor = async (email: string) => {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const store = (await (await fetch(`${MAILBOX}/store`)).json()) as { emails: { destination: { to: string[] }; body: { text: string } }[] };
    const link = store.emails
      .filter((mail) => mail.destination.to[0] === email)
      .map((mail) => /https?:\/\/\S+\/sign\/[\w-]{43}/.exec(mail.body.text)?.[0])
      .find((candidate) => candidate && !usedLinks.has(candidate));
    if (link) {
      usedLinks.add(link);
      return new URL(link).pathname;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no signing link reached ${email}`);
};

const decide = async (email: string, form: Record<string, string>) => {
  const reply = await fetch(`${BASE}${await linkFor(email)}`, {
    method: 'POST',
    headers: { origin: new URL(BASE).origin, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  if (reply.status !== 200) throw new Error(`decision by ${email}: ${reply.status}`);
};

const main = async () => {
  const login = await fetch(`${BASE}/_local/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'legal@warwickshire-fire.example.gov.uk', role: 'admin', agencies: ['warwickshire-fire'] }),
  }).catch(() => undefined);
  token = login?.ok ? ((await login.json()) as { token: string }).token : undefined;
  if (!token) throw new Error(`Is the local stack running on ${BASE}? Start it with npm start.`);
  if ((await must(api.GET('/agreements', { params: { query: { limit: 1 } } }))).items.length > 0) {
    console.log('The demo data is already there; nothing to do.');
    return;
  }
  for (const { signatories, domains, ...agency } of AGENCIES) {
    const { response } = await api.POST('/agencies', { body: { ...agency, legalContacts: [`legal@${domains[0]}`] } });
    if (response.status !== 201 && response.status !== 409) throw new Error(`agency ${agency.id}: ${response.status}`);
    // What the agency's own editors do: say who may sign for it.
    await must(
      api.PUT('/agencies/{id}/signatories', {
        params: { path: { id: agency.id } },
        body: { signatories: signatories.map(({ name, role, email }) => ({ name, role, email })), emailDomains: domains },
      }),
    );
  }
  const create = (body: ReturnType<typeof draft>) => must(api.POST('/agreements', { body }));
  const submit = (id: string) => must(api.POST('/agreements/{id}/submit', { params: { path: { id } } }));

  const estates = await create(draft('Shared estates and fleet', 'Fire, police and ambulance share stations and a fleet workshop in Warwickshire.', [party('warwickshire-fire', [cfo]), party('warwickshire-police', [cc]), party('warwickshire-pcc', [pcc]), party('west-midlands-ambulance', [ambulance])]));
  await submit(estates.id);
  for (const signer of [cfo, cc, ambulance, pcc]) await decide(signer.email, { decision: 'approve', signedName: signer.name });

  const reviewSoon = await create(draft('Co-responding to cardiac arrests', 'Firefighters respond with the ambulance service to suspected cardiac arrests.', [party('warwickshire-fire', [cfo]), party('west-midlands-ambulance', [ambulance])], { effectiveDate: '2025-12-01', nextReviewDate: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10) }));
  await submit(reviewSoon.id);
  for (const signer of [cfo, ambulance]) await decide(signer.email, { decision: 'approve', signedName: signer.name });

  const awaiting = await create(draft('Joint control room', 'A joint fire and police control room at Leek Wootton.', [party('warwickshire-fire', [cfo]), party('warwickshire-police', [cc]), party('warwickshire-pcc', [person('Philip Seccombe', 'Police and Crime Commissioner', 'pcc@warwickshire-pcc.example.gov.uk')])]));
  await submit(awaiting.id);
  await decide(cfo.email, { decision: 'approve', signedName: cfo.name });

  const declined = await create(draft('Shared drone unit', 'A drone unit shared by police and fire across Staffordshire.', [party('staffordshire-fire', [staffsCfo]), party('staffordshire-police', [staffsCc]), party('staffordshire-commissioner', [commissioner])]));
  await submit(declined.id);
  await decide('cc@staffordshire-police.example.gov.uk', { decision: 'decline', reasonCode: 'efficiency_effectiveness', reason: 'The unit would draw officers from neighbourhood policing.' });

  await create(draft('Community safety hub', 'A shared community safety hub with the county council.', [party('warwickshire-fire', [cfo]), party('warwickshire-county-council', [councilCeo])], { legalBasis: 'OTHER' }));

  console.log(`Demo loaded: 5 agreements (in force ×2, awaiting signatures, declined, draft).
  Register:  ${BASE}/register
  Mailbox:   ${MAILBOX}
  Try the daily job: curl -s -X POST ${BASE}/_local/scheduled/daily -H 'content-type: application/json' -d '{"time":"${new Date().toISOString()}"}'`);
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
