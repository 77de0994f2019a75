/**
 * `npm run bench`: what Accord costs. Bundle size and cold init of each function as deployed,
 * then latency and DynamoDB requests per operation through the real handler against DynamoDB
 * Local (behind a counting proxy). Figures are printed as a Markdown table for the README.
 * `npm run bench -- bundles` measures the bundles alone.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BUNDLE_BUDGETS, buildFloor, bundle } from '../infra/aws/bundle-floor';
import { FUNCTIONS, type TFunctionName } from '../shared/functions';
import { ensureTable, startDynamoDbLocal } from '../infra/local/dynamodb-local';
import { LOCAL_DOCUMENTS_BUCKET, startS3Local } from '../infra/local/s3-local';
import { createLocalSealKey } from '../shared/document/seal-signers';
import { TEST_ISSUER, TEST_JWKS } from '../test/fixtures/auth';
import { startDynamoDbProxy } from '../test/fixtures/dynamodb-recorder';
import { freePort } from '../test/setup/dynamodb-local';
import { percentile } from './percentile';
import { ensureWorkspaceAssets } from '../infra/workspace-assets.mjs';
import { matchRoute, toHttpApiEvent } from '../infra/local/lambda-http';

const OUT_DIR = resolve('.bench');
const SIGNING_KEYS = JSON.stringify({ currentKeyId: 'bench-1', 'bench-1': 'YmVuY2gtc2lnbmluZy1rZXktb2YtdGhpcnR5LXR3by1ieXRlcw' });
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
/** Loads of each bundle and of its floor, taken in alternation: load times on a shared machine vary by a tenth between runs. */
const LOAD_RUNS = 15;

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Counts DynamoDB API calls by their X-Amz-Target, and the capacity DynamoDB reports for them, on the way to DynamoDB Local. */
const countingProxy = async (target: string) => {
  const counts = new Map<string, number>();
  let writeUnits = 0;
  let readUnits = 0;
  const proxy = await startDynamoDbProxy(
    target,
    (operation) => counts.set(operation, (counts.get(operation) ?? 0) + 1),
    ({ kind, units }) => {
      if (kind === 'write') writeUnits += units;
      else readUnits += units;
    },
  );
  return {
    endpoint: proxy.endpoint,
    take: () => {
      const snapshot = { requests: Object.fromEntries(counts), writeUnits, readUnits };
      counts.clear();
      writeUnits = 0;
      readUnits = 0;
      return snapshot;
    },
    close: proxy.stop,
  };
};

/** Lambda's variables for a bundle run by the bench, with tracing and metrics on. */
const lambdaEnvironment = (): NodeJS.ProcessEnv => ({
  ...process.env,
  AWS_LAMBDA_FUNCTION_NAME: 'accord-bench',
  AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
  POWERTOOLS_TRACE_ENABLED: 'true',
  POWERTOOLS_METRICS_NAMESPACE: 'Accord',
  TABLE_NAME: 'bench',
  AWS_REGION: 'eu-west-2',
  PUBLIC_BASE_URL: 'http://localhost:3000',
  LOCAL_AUTH_ISSUER: TEST_ISSUER,
  LOCAL_AUTH_JWKS: TEST_JWKS,
  LOCAL_SIGN_IN_URL: 'http://localhost:3000/_local',
  LOCAL_SIGN_IN_CLIENT_SECRET: 'bench-workspace-client-secret-0000000000',
  COGNITO_USER_POOL_ID: 'eu-west-2_bench',
  SIGNING_KEYS,
  MAIL_FROM: 'Accord <accord@accord.test>',
  DOCUMENTS_BUCKET: 'accord-documents',
  SEAL_KEY_ID: 'arn:aws:kms:eu-west-2:123456789012:key/5a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
});

/** Milliseconds to load a bundle in a fresh Node process. */
const loadTime = (file: string) =>
  Number(
    execFileSync(process.execPath, ['--input-type=module', '-e', `const t = performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now() - t);`], {
      env: lambdaEnvironment(),
      encoding: 'utf8',
    }),
  );

/** In a fresh Node process: milliseconds to load the workspace's bundle, then to serve a page, twice. */
const firstPageTimes = (file: string) => {
  const route = FUNCTIONS.workspace.routes.find((candidate) => candidate.path === '/app/{proxy+}')!;
  const path = '/app/accessibility';
  const event = toHttpApiEvent({ method: 'GET', url: path, headers: { host: 'localhost:3000' }, body: Buffer.alloc(0), sourceIp: '203.0.113.7' }, route, matchRoute(route, 'GET', path)!);
  const script = `
    const context = { functionName: 'accord-bench', awsRequestId: 'bench', getRemainingTimeInMillis: () => 10000 };
    let t = performance.now();
    const { handler } = await import(${JSON.stringify(file)});
    const load = performance.now() - t;
    const event = JSON.parse(process.env.BENCH_EVENT);
    t = performance.now();
    const first = await handler(event, context);
    const firstPage = performance.now() - t;
    if (first.statusCode !== 200) throw new Error('the first page answered ' + first.statusCode);
    t = performance.now();
    const again = await handler(event, context);
    const samePage = performance.now() - t;
    if (again.statusCode !== 200) throw new Error('the page again answered ' + again.statusCode);
    console.log(JSON.stringify([load, firstPage, samePage]));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...lambdaEnvironment(), BENCH_EVENT: JSON.stringify(event) }, encoding: 'utf8' }).trim().split('\n').pop()!) as [number, number, number];
};

/** Each function beside its floor (only the AWS SDK clients it calls): sizes, and load times taken in alternation. */
const benchBundles = async () => {
  // The workspace reads its templates and assets beside its bundle, as it does in its Lambda asset.
  await ensureWorkspaceAssets(join(OUT_DIR, 'build'));
  const rows: string[] = [];
  for (const name of Object.keys(FUNCTIONS) as TFunctionName[]) {
    const outfile = join(OUT_DIR, `${name}.mjs`);
    const bytes = await bundle({ file: FUNCTIONS[name].entry }, outfile);
    const floor = await buildFloor(name, OUT_DIR);
    const own: number[] = [];
    const floorTimes: number[] = [];
    for (let run = 0; run < LOAD_RUNS; run += 1) {
      own.push(loadTime(outfile));
      floorTimes.push(loadTime(floor.outfile));
    }
    const [ownInit, floorInit] = [percentile(own, 50), percentile(floorTimes, 50)];
    const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
    rows.push(
      `| ${name} | ${kib(bytes)} | ${kib(floor.bytes)} | ${(bytes / floor.bytes).toFixed(2)}× (budget ${BUNDLE_BUDGETS[name].toFixed(2)}×) | ${ms(ownInit)} | ${ms(floorInit)} | ${(ownInit / floorInit).toFixed(2)}× |`,
    );
  }
  const pages = Array.from({ length: LOAD_RUNS }, () => firstPageTimes(join(OUT_DIR, 'workspace.mjs')));
  const median = (index: number) => ms(percentile(pages.map((times) => times[index]!), 50));
  return [
    `| function | bundle | floor | size ÷ floor | cold init (median of ${LOAD_RUNS}) | floor init | init ÷ floor |`,
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `| workspace, fresh process (median of ${LOAD_RUNS}) | load | first page | the same page again |`,
    '|---|---|---|---|',
    `| GET /app/accessibility | ${median(0)} | ${median(1)} | ${median(2)} |`,
  ].join('\n');
};

const benchOperations = async () => {
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  const proxy = await countingProxy(dynamo.endpoint);
  const s3Directory = mkdtempSync(join(tmpdir(), 'accord-bench-s3-'));
  const s3 = await startS3Local({ port: await freePort(), directory: s3Directory, onObjectCreated: () => undefined });
  try {
    Object.assign(process.env, {
      DOCUMENTS_BUCKET: LOCAL_DOCUMENTS_BUCKET,
      S3_ENDPOINT: s3.endpoint,
      SEAL_KEY: JSON.stringify(await createLocalSealKey('Accord bench')),
      TABLE_NAME: 'bench',
      AWS_REGION: 'eu-west-2',
      DYNAMODB_ENDPOINT: proxy.endpoint,
      PUBLIC_BASE_URL: 'http://localhost:3000',
      LOCAL_AUTH_ISSUER: TEST_ISSUER,
      LOCAL_AUTH_JWKS: TEST_JWKS,
      SIGNING_KEYS,
      POWERTOOLS_LOG_LEVEL: 'CRITICAL',
    });
    await ensureTable(dynamo.endpoint, 'bench');
    const { handler } = await import('../functions/api/handler');
    const { handler: signingHandler } = await import('../functions/signing/handler');
    const { callApi, callFunction } = await import('../test/fixtures/http');
    const { createDocumentClient } = await import('../shared/db/client');
    const { createAgreementRepository } = await import('../shared/db/agreement-repository');
    const { createLinkSigner, ZSigningKeyring } = await import('../shared/signing-keyring');
    // Reads links straight from the table, as only a benchmark may: the outbox is not running here.
    const store = createAgreementRepository({ client: createDocumentClient({ region: 'eu-west-2', endpoint: dynamo.endpoint }), tableName: 'bench' });
    const signer = createLinkSigner(ZSigningKeyring.parse(JSON.parse(SIGNING_KEYS)));
    const linkOf = async (agreementId: string, party: number) => {
      const stored = (await store.get(agreementId))!;
      const signatoryId = stored.agreement.parties[party]!.signatories[0]!.id;
      return `/sign/${signer.tokenFor({ requestId: stored.openRequests[signatoryId]!.requestId, keyId: signer.currentKeyId })}`;
    };
    const sign = (path: string) =>
      callFunction(signingHandler, 'signing', {
        method: 'POST',
        path,
        rawBody: 'decision=approve&signedName=Chief',
        headers: { origin: 'http://localhost:3000', 'content-type': 'application/x-www-form-urlencoded' },
      });
    const admin = { email: 'bench@accord.test', role: 'admin' as const };
    const call = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
      callApi(handler, { method, path, body, headers, as: admin });
    for (const [id, name, type] of [['bench-fire', 'Bench Fire', 'fire_and_rescue_authority'], ['bench-ambulance', 'Bench Ambulance', 'ambulance_trust']] as const) {
      await call('POST', '/agencies', { id, name, type, legalContacts: [`legal@${id}.test`] });
      await call('PUT', `/agencies/${id}/signatories`, { signatories: [{ name: 'Chief', role: 'Chief Officer', email: `chief@${id}.test` }] });
    }
    const draft = {
      title: 'Bench agreement',
      body: '# Terms\n\n'.padEnd(20_000, 'x'),
      withdrawalTerms: 'Six months notice.',
      parties: ['bench-fire', 'bench-ambulance'].map((agencyId) => ({
        agencyId,
        assessment: { efficiencyEffectiveness: 'Yes.', publicSafety: 'No adverse effect.' },
        signatories: [{ name: 'Chief', role: 'Chief Officer', email: `chief@${agencyId}.test` }],
      })),
    };
    /** name, the measured call, and unmeasured work after it (reading the links the outbox would send). */
    const operations: [string, () => Promise<unknown>, (() => Promise<void>)?][] = [];
    let lastId = '';
    let revision = 1;
    operations.push(['POST /agreements', async () => {
      const reply = await call('POST', '/agreements', draft);
      lastId = reply.json.id;
      revision = 1;
    }]);
    operations.push(['GET /agreements/{id}', () => call('GET', `/agreements/${lastId}`)]);
    operations.push(['PATCH /agreements/{id}', async () => {
      await call('PATCH', `/agreements/${lastId}`, { summary: `Edit ${revision}` }, { 'if-match': `"${revision}"` });
      revision += 1;
    }]);
    operations.push(['GET /agreements (page of 25)', () => call('GET', '/agreements')]);
    operations.push(['GET /agreements/{id}/events', () => call('GET', `/agreements/${lastId}/events`)]);
    let links: string[] = [];
    operations.push([
      'POST /agreements/{id}/submit',
      () => call('POST', `/agreements/${lastId}/submit`),
      async () => {
        links = [await linkOf(lastId, 0), await linkOf(lastId, 1)];
      },
    ]);
    operations.push(['GET /sign/{token}', () => callFunction(signingHandler, 'signing', { method: 'GET', path: links[0]! })]);
    operations.push(['POST /sign/{token} (approval)', () => sign(links[0]!)]);
    operations.push(['POST /sign/{token} (last approval → in force)', () => sign(links[1]!)]);

    const rows: string[] = [];
    const latencies = new Map<string, number[]>();
    const requests = new Map<string, ReturnType<typeof proxy.take>>();
    for (let i = 0; i < ITERATIONS; i += 1) {
      for (const [name, run, after] of operations) {
        proxy.take();
        const started = performance.now();
        await run();
        const elapsed = performance.now() - started;
        const counted = proxy.take();
        await after?.();
        latencies.set(name, [...(latencies.get(name) ?? []), elapsed]);
        requests.set(name, counted);
      }
    }
    // The daily job on a day every agreement signed above owes its first review reminder: per agreement reminded.
    const { handler: dailyJobHandler } = await import('../functions/daily-job/handler');
    const { lambdaContext } = await import('../infra/local/lambda-http');
    const { addDays, addMonths, londonDate } = await import('../shared/domain/calendar');
    const reminderDay = addDays(addMonths(londonDate(new Date()), 12), -60);
    proxy.take();
    const started = performance.now();
    const report = await dailyJobHandler({ time: `${reminderDay}T08:30:00Z` }, lambdaContext('accord-daily-job'));
    const elapsed = performance.now() - started;
    const daily = proxy.take();
    const perItem = (n: number) => Math.round((n / report.reviewRemindersSent) * 100) / 100;
    const dailyName = `daily job, per agreement reminded (${report.reviewRemindersSent} due)`;
    operations.push([dailyName, async () => undefined]);
    latencies.set(dailyName, [elapsed / report.reviewRemindersSent]);
    requests.set(dailyName, {
      requests: Object.fromEntries(Object.entries(daily.requests).map(([op, n]) => [op, perItem(n)])),
      writeUnits: perItem(daily.writeUnits),
      readUnits: perItem(daily.readUnits),
    });
    for (const [name] of operations) {
      const values = latencies.get(name)!;
      const { requests: counts, writeUnits } = requests.get(name)!;
      const counted = Object.entries(counts).map(([op, n]) => `${n} ${op}`).join(' + ');
      rows.push(`| ${name} | ${ms(percentile(values, 50))} | ${ms(percentile(values, 95))} | ${counted} | ${writeUnits} |`);
    }
    return [
      `| operation (${ITERATIONS}×, in-process handler, DynamoDB Local) | p50 | p95 | DynamoDB requests | write units (table + indexes) |`,
      '|---|---|---|---|---|',
      ...rows,
      '',
      await benchDocuments(call, linkOf, sign, proxy),
      '',
      await benchDecisionBurst(call, linkOf, sign),
      '',
      await benchDailyJobAtScale(dynamo.endpoint, proxy, lastId),
    ].join('\n');
  } finally {
    await proxy.close();
    await dynamo.stop();
    await s3.stop();
    rmSync(s3Directory, { recursive: true, force: true });
  }
};

const DOCUMENT_ITERATIONS = Math.min(ITERATIONS, 20);

/**
 * Files and the executed copy, `DOCUMENT_ITERATIONS` times: declaring a 1 MB schedule, the
 * documents function checking its upload, sealing the executed copy once the agreement is in
 * force, and anyone verifying that copy by its bytes.
 */
const benchDocuments = async (
  call: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; json: any; bytes: Buffer }>,
  linkOf: (agreementId: string, party: number) => Promise<string>,
  sign: (path: string) => Promise<{ status: number }>,
  proxy: Awaited<ReturnType<typeof countingProxy>>,
) => {
  const { handler: documentsHandler } = await import('../functions/documents/handler');
  const { handler: apiHandler } = await import('../functions/api/handler');
  const { callApi } = await import('../test/fixtures/http');
  const { lambdaContext } = await import('../infra/local/lambda-http');
  const { PDFDocument } = await import('pdf-lib');
  const schedule = await PDFDocument.create();
  for (let page = 0; page < 40; page += 1) schedule.addPage().drawText(`Schedule page ${page} `.repeat(40).slice(0, 2_000), { size: 6 });
  const scheduleBytes = Buffer.from(await schedule.save());
  const sha256 = createHash('sha256').update(scheduleBytes).digest('hex');
  const measured = new Map<string, { ms: number[]; counted: ReturnType<typeof proxy.take> }>();
  const measure = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    proxy.take();
    const started = performance.now();
    const result = await run();
    const elapsed = performance.now() - started;
    // Requests and write units are the same every time: the last run's are reported.
    measured.set(name, { ms: [...(measured.get(name)?.ms ?? []), elapsed], counted: proxy.take() });
    return result;
  };
  for (let n = 0; n < DOCUMENT_ITERATIONS; n += 1) {
    const created = await call('POST', '/agreements', {
      title: `Documents ${n}`,
      body: '# Terms\n\nThe parties share a control room.',
      withdrawalTerms: 'Notice.',
      parties: ['bench-fire', 'bench-ambulance'].map((agencyId) => ({
        agencyId,
        assessment: { efficiencyEffectiveness: 'Yes.', publicSafety: 'No adverse effect.' },
        signatories: [{ name: 'Chief', role: 'Chief Officer', email: `chief@${agencyId}.test` }],
      })),
    });
    const id = created.json.id as string;
    const declared = await measure('POST /agreements/{id}/attachments (1 schedule)', () =>
      call('POST', `/agreements/${id}/attachments`, { name: 'Schedule 1.pdf', contentType: 'application/pdf', size: scheduleBytes.length, sha256 }),
    );
    await fetch(declared.json.uploadUrl, { method: 'PUT', headers: declared.json.uploadHeaders, body: scheduleBytes });
    const key = `attachments/${id}/${declared.json.attachmentId}`;
    await measure(`documents function: check an upload (${(scheduleBytes.length / 1024).toFixed(0)} KiB PDF)`, () =>
      documentsHandler({ Records: [{ eventSource: 'aws:s3', eventName: 'ObjectCreated:Put', s3: { object: { key } } }] }, lambdaContext('accord-documents')),
    );
    const submitted = await call('POST', `/agreements/${id}/submit`);
    if (submitted.status !== 200) throw new Error(`The documents agreement was not submitted: ${JSON.stringify(submitted.json)}`);
    for (const party of [0, 1]) await sign(await linkOf(id, party));
    await measure('documents function: render and seal the executed copy', () =>
      documentsHandler(
        { Records: [{ eventSource: 'aws:dynamodb', dynamodb: { SequenceNumber: String(n), NewImage: { agreementId: { S: id } } } }] },
        lambdaContext('accord-documents'),
      ),
    );
    const copy = await call('GET', `/agreements/${id}/executed.pdf`);
    await measure('POST /verify (the executed copy)', () =>
      callApi(apiHandler, { method: 'POST', path: '/verify', bytes: copy.bytes, headers: { 'content-type': 'application/pdf' } }),
    );
  }
  return [
    `| files and the executed copy (${DOCUMENT_ITERATIONS}×) | p50 | p95 | DynamoDB requests | write units (table + indexes) |`,
    '|---|---|---|---|---|',
    ...[...measured].map(([name, { ms: values, counted }]) => {
      const requests = Object.entries(counted.requests).map(([op, n]) => `${n} ${op}`).join(' + ');
      return `| ${name} | ${ms(percentile(values, 50))} | ${ms(percentile(values, 95))} | ${requests} | ${counted.writeUnits} |`;
    }),
  ].join('\n');
};

/** 200 signatories across 20 agreements (10 parties each) approving at the same moment: each decision's latency. */
const benchDecisionBurst = async (
  call: (method: string, path: string, body?: unknown) => Promise<{ status: number; json: any }>,
  linkOf: (agreementId: string, party: number) => Promise<string>,
  sign: (path: string) => Promise<{ status: number }>,
) => {
  const [agreements, parties] = [20, 10];
  const agencyIds = Array.from({ length: parties }, (_, index) => `burst-${index}`);
  for (const id of agencyIds) {
    const type = Number(id.split('-')[1]) % 2 === 0 ? 'fire_and_rescue_authority' : 'ambulance_trust';
    await call('POST', '/agencies', { id, name: `Burst ${id}`, type, legalContacts: [`legal@${id}.test`] });
  }
  const links: string[] = [];
  for (let n = 0; n < agreements; n += 1) {
    const signatories = agencyIds.map((agencyId) => ({ name: 'Chief', role: 'Chief Officer', email: `chief-${n}@${agencyId}.test` }));
    for (const [index, agencyId] of agencyIds.entries()) {
      const current = (await call('GET', `/agencies/${agencyId}`)).json.signatories;
      await call('PUT', `/agencies/${agencyId}/signatories`, { signatories: [...current, signatories[index]] });
    }
    const created = await call('POST', '/agreements', {
      title: `Burst ${n}`,
      body: 'Text.',
      withdrawalTerms: 'Notice.',
      parties: agencyIds.map((agencyId, index) => ({ agencyId, assessment: { efficiencyEffectiveness: 'Yes.', publicSafety: 'No adverse effect.' }, signatories: [signatories[index]] })),
    });
    const submitted = await call('POST', `/agreements/${created.json.id}/submit`);
    if (submitted.status !== 200) throw new Error(`The burst agreement was not submitted: ${JSON.stringify(submitted.json)}`);
    for (let party = 0; party < parties; party += 1) links.push(await linkOf(created.json.id, party));
  }
  const started = performance.now();
  const timed = await Promise.all(
    links.map(async (link) => {
      const begun = performance.now();
      // A decision the function's own timeout cut short counts as not recorded.
      const status = await sign(link).then((reply) => reply.status, () => 504);
      return { status, ms: performance.now() - begun };
    }),
  );
  const total = performance.now() - started;
  const latencies = timed.map((entry) => entry.ms);
  const failures = timed.filter((entry) => entry.status !== 200).length;
  return [
    `| ${links.length} decisions at once (${agreements} agreements × ${parties} parties) | p50 | p99 | all done in | not 200 |`,
    '|---|---|---|---|---|',
    `| POST /sign/{token} | ${ms(percentile(latencies, 50))} | ${ms(percentile(latencies, 99))} | ${(total / 1000).toFixed(1)} s | ${failures} |`,
  ].join('\n');
};

/**
 * The daily job at 100× today's size: `SCALE_AGREEMENTS` agreements in force in a table of their
 * own, `SCALE_DUE` of them owing a review reminder on the day, cloned from one the bench signed
 * (with a short text: the job never reads more than it must). Reports the run's time, requests
 * and consumed capacity, through the same repositories the daily-job function uses.
 */
const SCALE_AGREEMENTS = Number(process.env.BENCH_SCALE_AGREEMENTS ?? 100_000);
const SCALE_DUE = Number(process.env.BENCH_SCALE_DUE ?? 5_000);
const benchDailyJobAtScale = async (endpoint: string, proxy: Awaited<ReturnType<typeof countingProxy>>, templateId: string) => {
  const { BatchWriteCommand, GetCommand } = await import('@aws-sdk/lib-dynamodb');
  const { createDocumentClient } = await import('../shared/db/client');
  const { agreementKey, agreementTextKey, dueWorkKeys, DUE_AGREEMENTS } = await import('../shared/db/keys');
  const { createAgreementRepository } = await import('../shared/db/agreement-repository');
  const { createSigningRequestRepository } = await import('../shared/db/signing-request-repository');
  const { createDueWorkStore } = await import('../shared/db/due-work-store');
  const { createAgencyRepository } = await import('../shared/db/agency-repository');
  const { runDailyJob } = await import('../shared/domain/schedule/run-daily-job');
  const { DEFAULT_EVIDENCE_RETENTION_DAYS } = await import('../shared/config');
  const { addDays } = await import('../shared/domain/calendar');
  const { monotonicFactory } = await import('ulid');
  const tableName = 'bench-scale';
  await ensureTable(endpoint, tableName);
  const direct = createDocumentClient({ region: 'eu-west-2', endpoint });
  const template = (await direct.send(new GetCommand({ TableName: 'bench', Key: agreementKey(templateId) }))).Item!;
  const day = '2030-03-01';
  const newId = monotonicFactory();
  const items = function* () {
    for (let i = 0; i < SCALE_AGREEMENTS; i += 1) {
      const id = newId();
      // The due ones reach their 60-day reminder on the day; the rest are reviewed much later.
      const nextReviewDate = addDays(day, i < SCALE_DUE ? 60 : 300);
      yield { ...template, ...agreementKey(id), id, nextReviewDate, ...dueWorkKeys(DUE_AGREEMENTS, addDays(nextReviewDate, -60), id) };
      yield { ...agreementTextKey(id), entity: 'agreement_text', agreementId: id, body: '# Terms' };
    }
  };
  const seedingStarted = performance.now();
  let batch: Record<string, unknown>[] = [];
  const pending: Promise<unknown>[] = [];
  const flush = async (chunk: Record<string, unknown>[]) => {
    let requestItems: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = { [tableName]: chunk.map((Item) => ({ PutRequest: { Item } })) };
    while (requestItems && Object.keys(requestItems).length > 0) {
      const result = await direct.send(new BatchWriteCommand({ RequestItems: requestItems }));
      requestItems = result.UnprocessedItems as typeof requestItems;
    }
  };
  for (const item of items()) {
    batch.push(item);
    if (batch.length === 25) {
      pending.push(flush(batch));
      batch = [];
      if (pending.length === 16) await Promise.all(pending.splice(0));
    }
  }
  await Promise.all([...pending, ...(batch.length > 0 ? [flush(batch)] : [])]);
  const seedingSeconds = (performance.now() - seedingStarted) / 1000;

  const table = { client: createDocumentClient({ region: 'eu-west-2', endpoint: proxy.endpoint }), tableName };
  proxy.take();
  const started = performance.now();
  const report = await runDailyJob({
    now: new Date(`${day}T08:30:00Z`), evidenceRetentionDays: DEFAULT_EVIDENCE_RETENTION_DAYS,
    newId,
    due: createDueWorkStore(table),
    agreements: createAgreementRepository(table),
    requests: createSigningRequestRepository(table),
    agencies: createAgencyRepository(table),
  });
  const seconds = (performance.now() - started) / 1000;
  const used = proxy.take();
  return [
    `Daily job at scale: ${SCALE_AGREEMENTS.toLocaleString('en-GB')} agreements in force, ${report.reviewRemindersSent.toLocaleString('en-GB')} of them due a reminder (seeded in ${seedingSeconds.toFixed(0)} s).`,
    '',
    '| run | time | DynamoDB requests | read units | write units |',
    '|---|---|---|---|---|',
    `| one scheduled run (${report.agreementsChecked.toLocaleString('en-GB')} checked) | ${seconds.toFixed(1)} s | ${Object.entries(used.requests).map(([op, n]) => `${n} ${op}`).join(' + ')} | ${Math.round(used.readUnits)} | ${Math.round(used.writeUnits)} |`,
  ].join('\n');
};

const bundlesOnly = process.argv.includes('bundles');
console.log(bundlesOnly ? await benchBundles() : `${await benchBundles()}\n\n${await benchOperations()}`);
