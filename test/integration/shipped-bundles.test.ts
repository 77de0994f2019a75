import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handler as apiHandler } from '../../functions/api/handler';
import { BUNDLE_BUDGETS, buildFloor } from '../../infra/aws/bundle-floor';
import { matchRoute, toHttpApiEvent, type TRoute } from '../../infra/local/lambda-http';
import { TABLE_DEFINITION } from '../../shared/db/table-definition';
import { FUNCTIONS, type THttpFunctionName, type TFunctionName } from '../../shared/functions';
import { ZSigningKeyring } from '../../shared/signing-keyring';
import { WARWICKSHIRE_AGENCIES, partiesOf } from '../fixtures/agencies';
import { ADMIN, callApi } from '../fixtures/http';
import { authoriseDraft } from '../fixtures/lifecycle';
import { startDynamoDbRecorder } from '../fixtures/dynamodb-recorder';
import { createMailbox } from '../fixtures/outbox';
import { startSecretsManager } from '../fixtures/secrets-manager';
import { startKms } from '../fixtures/kms';
import { startXRayDaemon, TRACE, traceHeader } from '../fixtures/xray-daemon';
import {
  lambdaRuntimeEnvironment,
  resolveEnvironment,
  shippedFunctions,
  startBundle,
  synthesizeApp,
  type TBundleProcess,
  type TResolvedRefs,
  type TShippedFunction,
  type TTemplate,
} from '../fixtures/shipped-bundles';

/**
 * What `cdk deploy` ships is what runs: the app is synthesized as a deployment does it, and each
 * function's bundle from `cdk.out` runs in a process of its own with exactly its template's
 * environment (references replaced by values of the shape AWS gives) plus the endpoints of
 * DynamoDB Local, the local SES, the S3-compatible server, and Secrets Manager and KMS endpoints, and nothing else.
 */
const REFS: TResolvedRefs = {
  tableName: process.env.TABLE_NAME!,
  secretArn: 'arn:aws:secretsmanager:eu-west-2:123456789012:secret:SigningKeyEEFC2790-AbC123',
  userPoolId: 'eu-west-2_AbC123dEf',
  clientId: '1h2j3k4l5m6n7o8p9q0r1s2t3u',
  apiEndpoint: 'https://a1b2c3d4e5.execute-api.eu-west-2.amazonaws.com',
  // The S3-compatible server's bucket stands in for the documents bucket.
  bucketName: process.env.DOCUMENTS_BUCKET!,
  sealKeyArn: 'arn:aws:kms:eu-west-2:123456789012:key/5a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d',
};
const OWNER = { email: 'legal@warwickshire-fire.test', role: 'editor' as const, agencies: ['warwickshire-fire'] };
const api = (call: Parameters<typeof callApi>[1]) => callApi(apiHandler, call);
const mailbox = createMailbox(() => process.env.SES_ENDPOINT!);

let outdir: string;
let template: TTemplate;
let stackEnvironments: string[];
const recorders = new Map<TFunctionName, Awaited<ReturnType<typeof startDynamoDbRecorder>>>();
let functions: TShippedFunction[];
let secrets: Awaited<ReturnType<typeof startSecretsManager>>;
let kms: Awaited<ReturnType<typeof startKms>>;
const running: TBundleProcess[] = [];

const flatKeyring = (keyring: ReturnType<typeof ZSigningKeyring.parse>) => JSON.stringify({ currentKeyId: keyring.currentKeyId, ...keyring.keys });
const testKeyring = ZSigningKeyring.parse(JSON.parse(process.env.SIGNING_KEYS!));

const environmentOf = (fn: TShippedFunction, dynamoDbEndpoint: string) => ({
  ...resolveEnvironment(template, fn.environment, REFS),
  ...lambdaRuntimeEnvironment(fn),
  // The only additions: where the local stand-ins for AWS services listen.
  DYNAMODB_ENDPOINT: dynamoDbEndpoint,
  SES_ENDPOINT: process.env.SES_ENDPOINT!,
  AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.endpoint,
  S3_ENDPOINT: process.env.S3_ENDPOINT!,
  AWS_ENDPOINT_URL_KMS: kms.endpoint,
});

/** Starts a function's bundle; its DynamoDB calls pass through a recorder of its own, to compare with what its role allows. */
const coldStart = async (name: TFunctionName, runtime: Record<string, string> = {}) => {
  const fn = functions.find((candidate) => candidate.name === name)!;
  if (!recorders.has(name)) recorders.set(name, await startDynamoDbRecorder(process.env.DYNAMODB_ENDPOINT!));
  const bundle = await startBundle(fn.bundle, { ...environmentOf(fn, recorders.get(name)!.endpoint), ...runtime }, fn.timeoutSeconds);
  running.push(bundle);
  return bundle;
};

const httpEvent = (name: THttpFunctionName, method: string, path: string, options: { headers?: Record<string, string>; body?: string } = {}) => {
  const route = (FUNCTIONS[name].routes as readonly TRoute[]).find((candidate) => matchRoute(candidate, method, path))!;
  const host = new URL(REFS.apiEndpoint).host;
  return toHttpApiEvent(
    { method, url: path, headers: { host, 'user-agent': 'Mozilla/5.0', ...options.headers }, body: Buffer.from(options.body ?? ''), sourceIp: '203.0.113.7' },
    route,
    matchRoute(route, method, path)!,
  );
};

/** The outbox items waiting in the table, as the stream hands them to the sender (a test may scan). */
const outboxStreamEvent = async (seen: Set<string>) => {
  const client = new DynamoDBClient({ region: 'eu-west-2', endpoint: process.env.DYNAMODB_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const { Items = [] } = await client.send(
    new ScanCommand({ TableName: REFS.tableName, FilterExpression: 'entity = :outbox', ExpressionAttributeValues: { ':outbox': { S: 'outbox' } } }),
  );
  const fresh = Items.filter((item) => !seen.has(item.PK!.S!));
  for (const item of fresh) seen.add(item.PK!.S!);
  return {
    Records: fresh.map((item, index) => ({
      eventID: `${index}`,
      eventName: 'INSERT',
      eventSource: 'aws:dynamodb',
      eventVersion: '1.1',
      awsRegion: 'eu-west-2',
      dynamodb: { Keys: { PK: item.PK, SK: item.SK }, NewImage: item, SequenceNumber: `${Date.now()}${index}`, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    })),
  };
};

beforeAll(async () => {
  outdir = mkdtempSync(join(tmpdir(), 'accord-cdk-'));
  ({ template, stackEnvironments } = await synthesizeApp(outdir));
  functions = shippedFunctions(template, outdir);
  secrets = await startSecretsManager({ [REFS.secretArn]: flatKeyring(testKeyring) });
  kms = await startKms(REFS.sealKeyArn);
  for (const agency of WARWICKSHIRE_AGENCIES) await api({ method: 'POST', path: '/agencies', body: agency, as: ADMIN });
}, 180_000);

afterAll(async () => {
  for (const bundle of running) bundle.stop();
  for (const recorder of recorders.values()) await recorder.stop();
  await secrets?.stop();
  await kms?.stop();
  if (outdir) rmSync(outdir, { recursive: true, force: true });
});

describe('the shipped bundles, with the environment their template gives them', () => {
  it('ships every function Accord defines, each asking only for variables its template sets, to eu-west-2', async () => {
    expect(stackEnvironments.every((environment) => environment.endsWith('/eu-west-2'))).toBe(true);
    expect(functions.map((fn) => fn.name).sort()).toEqual(Object.keys(FUNCTIONS).sort());
    // Every function cold-starts: none asks for a variable its CDK function does not get.
    for (const fn of functions) await coldStart(fn.name);
  });

  it('serves the API: public pages and its OpenAPI document, legal-team routes only with a token', async () => {
    const bundle = await coldStart('api');
    const health = await bundle.invoke(httpEvent('api', 'GET', '/health'));
    expect(health.statusCode).toBe(200);
    // The OpenAPI document ships beside the bundle and names the API's own address.
    const document = JSON.parse((await bundle.invoke(httpEvent('api', 'GET', '/openapi.json'))).body);
    expect(document.servers).toEqual([{ url: REFS.apiEndpoint }]);
    expect(Object.keys(document.paths)).toContain('/agreements/{id}/submit');
    const unauthenticated = await bundle.invoke(httpEvent('api', 'GET', '/agreements'));
    expect(unauthenticated.statusCode).toBe(401);
    // Bad input is answered naming the field and, in English, the rule it broke.
    const tooLong = await bundle.invoke({ ...httpEvent('api', 'GET', '/register.json'), rawQueryString: 'limit=500', queryStringParameters: { limit: '500' } });
    expect(tooLong.statusCode).toBe(400);
    expect(JSON.parse(tooLong.body).errors).toEqual([{ path: 'limit', message: 'Too big: expected number to be <=100' }]);
  });

  it('serves the workspace: its pages and assets ship beside the bundle, and sign-in goes to Cognito with PKCE', async () => {
    const bundle = await coldStart('workspace');
    const home = await bundle.invoke(httpEvent('workspace', 'GET', '/app'));
    expect(home.statusCode).toBe(303);
    const signIn = new URL(home.headers.location);
    expect(`${signIn.origin}${signIn.pathname}`).toBe('https://accord-123456789012.auth.eu-west-2.amazoncognito.com/oauth2/authorize');
    expect(Object.fromEntries(signIn.searchParams)).toMatchObject({ client_id: REFS.clientId, redirect_uri: `${REFS.apiEndpoint}/app/auth/callback`, code_challenge_method: 'S256', response_type: 'code' });
    expect(home.cookies[0]).toMatch(/^__Host-accord-sign-in=.*; HttpOnly; Secure; SameSite=Lax$/);
    const styles = await bundle.invoke(httpEvent('workspace', 'GET', '/app/assets/accord.css'));
    expect([styles.statusCode, styles.headers['content-type']]).toEqual([200, 'text/css; charset=utf-8']);
    const statement = await bundle.invoke(httpEvent('workspace', 'GET', '/app/accessibility'));
    expect(statement.statusCode).toBe(200);
    expect(statement.body).toContain('Accessibility statement for Accord');
  });

  it('sends sign-off emails, takes decisions from their links across a key rotation, records bounces, and publishes the agreement in force', async () => {
    const signers = [
      { agencyId: 'warwickshire-fire', email: 'cfo@fire.bundles.test', name: 'Ben Brook' },
      { agencyId: 'west-midlands-ambulance', email: 'ceo@ambulance.bundles.test', name: 'Anthony Marsh' },
    ];
    const parties = partiesOf(signers);
    parties[1]!.signatories[0] = { ...parties[1]!.signatories[0]!, order: 2 } as (typeof parties)[number]['signatories'][number];
    const created = await api({
      method: 'POST',
      path: '/agreements',
      as: OWNER,
      body: { title: 'Co-responding', body: '# Co-responding\n\nFirefighters &amp; paramedics attend cardiac arrests &ndash; day and night.', withdrawalTerms: 'Three months notice.', parties },
    });
    expect(created.status).toBe(201);
    await authoriseDraft(created.json.id);
    expect((await api({ method: 'POST', path: `/agreements/${created.json.id}/submit`, as: OWNER })).status).toBe(200);

    const seen = new Set<string>();
    const sender = await coldStart('outboxSender');
    expect(await sender.invoke(await outboxStreamEvent(seen))).toEqual({ batchItemFailures: [] });
    const firstLink = await mailbox.linkFor('cfo@fire.bundles.test');
    const [firstMail] = await mailbox.to('cfo@fire.bundles.test');
    expect(firstMail!.text).toContain(`${REFS.apiEndpoint}/sign/`);

    // Rotation: a new current key; the old one stays in the ring while its links live.
    secrets.put(REFS.secretArn, JSON.stringify({ currentKeyId: 'k2', k2: randomBytes(32).toString('base64url'), ...testKeyring.keys }));

    // A reminder for a link made before the rotation is derived with its own key: the same link again.
    const dailyJob = await coldStart('dailyJob');
    const fourDaysOn = new Date(Date.now() + 4 * 24 * 3600 * 1000).toISOString();
    expect(await dailyJob.invoke({ time: fourDaysOn })).toMatchObject({ signatureRemindersSent: 1 });
    expect(await sender.invoke(await outboxStreamEvent(seen))).toEqual({ batchItemFailures: [] });
    const reminders = await mailbox.waitFor(
      (all) => all.some((mail) => mail.to === 'cfo@fire.bundles.test' && mail.subject.startsWith('Reminder: signature requested:')),
      'the reminder',
    );
    const reminder = reminders.find((mail) => mail.subject.startsWith('Reminder: signature requested:'))!;
    expect(reminder.text).toContain(`${REFS.apiEndpoint}${firstLink}`);

    const signing = await coldStart('signing');
    const page = await signing.invoke(httpEvent('signing', 'GET', firstLink));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Co-responding');
    // Character references in the text are read as the characters they name (markdown-it's decoder, as bundled).
    expect(page.body).toContain('Firefighters &amp; paramedics attend cardiac arrests – day and night.');
    const approval = await signing.invoke(
      httpEvent('signing', 'POST', firstLink, {
        headers: { origin: REFS.apiEndpoint, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ decision: 'approve', signedName: 'Ben Brook' }).toString(),
      }),
    );
    expect(approval.statusCode).toBe(200);

    // The next group's link is made with the new key; the warm sender (which read the old ring) derives it all the same.
    expect(await sender.invoke(await outboxStreamEvent(seen))).toEqual({ batchItemFailures: [] });
    const secondLink = await mailbox.linkFor('ceo@ambulance.bundles.test');
    const final = await signing.invoke(
      httpEvent('signing', 'POST', secondLink, {
        headers: { origin: REFS.apiEndpoint, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ decision: 'approve', signedName: 'Anthony Marsh' }).toString(),
      }),
    );
    expect(final.statusCode).toBe(200);
    const read = await api({ method: 'GET', path: `/agreements/${created.json.id}`, as: OWNER });
    expect(read.json.status).toBe('in_force');
    const register = await (await coldStart('api')).invoke(httpEvent('api', 'GET', '/register.json'));
    expect(JSON.parse(register.body).items.map((item: { reference: string }) => item.reference)).toContain(read.json.reference);

    // The stream tells the documents function the version came into force: it seals the executed copy through KMS.
    const documents = await coldStart('documents');
    const events = (await api({ method: 'GET', path: `/agreements/${created.json.id}/events`, as: OWNER })).json.items;
    const inForceEvent = events.find((event: { type: string }) => event.type === 'in_force');
    const sealed = await documents.invoke({
      Records: [{ eventSource: 'aws:dynamodb', eventName: 'INSERT', dynamodb: { SequenceNumber: '1', NewImage: { entity: { S: 'audit_event' }, type: { S: 'in_force' }, agreementId: { S: inForceEvent.agreementId } } } }],
    });
    expect(sealed, documents.output()).toEqual({ batchItemFailures: [] });
    // One digest for the seal's certificate (made once), one for the copy's signature.
    expect(kms.signedDigests()).toHaveLength(2);
    const copy = await api({ method: 'GET', path: `/agreements/${created.json.id}/executed.pdf`, as: OWNER });
    expect(copy.headers['content-type']).toBe('application/pdf');
    const pdfFile = join(mkdtempSync(join(tmpdir(), 'accord-sealed-')), 'executed.pdf');
    writeFileSync(pdfFile, copy.bytes);
    const pdfsig = await promisify(execFile)('pdfsig', [pdfFile]).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    expect(pdfsig.stdout).toContain('Signature is Valid.');

    // Bounces come back through SNS to the SES events function, which marks the address.
    const sesEvents = await coldStart('sesEvents');
    const bounce = {
      eventType: 'Bounce',
      mail: { messageId: firstMail!.messageId, destination: ['cfo@fire.bundles.test'], timestamp: new Date().toISOString() },
      bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: 'cfo@fire.bundles.test' }], timestamp: new Date().toISOString() },
    };
    await sesEvents.invoke({ Records: [{ EventSource: 'aws:sns', Sns: { Message: JSON.stringify(bounce), MessageId: 'sns-1', Timestamp: new Date().toISOString() } }] });
    const afterBounce = await api({ method: 'GET', path: `/agreements/${created.json.id}`, as: OWNER });
    expect(afterBounce.json.undelivered.map((entry: { to: string }) => entry.to)).toContain('cfo@fire.bundles.test');
  });

  it('runs the daily job for the scheduled time it is given', async () => {
    const dailyJob = await coldStart('dailyJob');
    const report = await dailyJob.invoke({ time: '2027-11-25T09:00:00Z' });
    expect(report).toMatchObject({ today: '2027-11-25', agreementsChecked: expect.any(Number) });
  });

  it('traces a sampled invocation to the X-Ray daemon beside it: the handler, and each DynamoDB call beneath it', async () => {
    const daemon = await startXRayDaemon();
    try {
      const dailyJob = await coldStart('dailyJob', { AWS_XRAY_DAEMON_ADDRESS: daemon.address });
      await dailyJob.invoke({ time: '2027-11-26T09:00:00Z' }, { traceHeader: traceHeader(true) });
      await vi.waitFor(() => expect(daemon.documents.some((document) => document.name === '## index.handler')).toBe(true));
      const invocation = daemon.documents.find((document) => document.name === '## index.handler')!;
      expect(invocation).toMatchObject({ trace_id: TRACE.root, parent_id: TRACE.lambdaSegment, annotations: { ColdStart: true, Service: 'accord' } });
      const calls = daemon.documents.filter((document) => document.namespace === 'aws');
      expect(calls.length).toBeGreaterThan(0);
      for (const call of calls) expect(call).toMatchObject({ name: 'DynamoDB', trace_id: TRACE.root, parent_id: invocation.id, http: { response: { status: 200 } } });
      expect(calls.find((call) => call.aws.operation === 'Query')).toMatchObject({ aws: { table_name: REFS.tableName } });
    } finally {
      daemon.stop();
    }
  });

  it('asks DynamoDB only for what each function’s role allows, and nothing a role forbids', () => {
    const indexNames = (names: readonly string[]) => names.map((name) => TABLE_DEFINITION.indexes[name as keyof typeof TABLE_DEFINITION.indexes].indexName);
    for (const [name, recorder] of recorders) {
      const allowed: readonly string[] = FUNCTIONS[name].table.actions;
      expect(recorder.actions().filter((action) => !allowed.includes(action)), name).toEqual([]);
      expect(recorder.indexes().filter((index) => !indexNames(FUNCTIONS[name].table.indexes).includes(index as never)), name).toEqual([]);
      expect(recorder.actions()).not.toContain('Scan');
    }
    // The recorders saw the real traffic: the decisions' transactions, the register's index query.
    expect(recorders.get('signing')!.actions()).toEqual(expect.arrayContaining(['GetItem', 'PutItem', 'UpdateItem']));
    expect(recorders.get('api')!.indexes().length).toBeGreaterThan(0);
    expect(recorders.get('signing')!.actions()).not.toContain('DeleteItem');
    expect(recorders.get('dailyJob')!.indexes()).toEqual(['GSI4']);
  });

  it('keeps every bundle within its budget: a multiple of its floor, a bundle of only the AWS SDK clients it calls', async () => {
    const floors = mkdtempSync(join(tmpdir(), 'accord-floors-'));
    try {
      for (const fn of functions) {
        const floor = await buildFloor(fn.name, floors);
        const ratio = statSync(fn.bundle).size / floor.bytes;
        expect(ratio, `${fn.name} is ${ratio.toFixed(2)}× its floor`).toBeLessThanOrEqual(BUNDLE_BUDGETS[fn.name]);
      }
    } finally {
      rmSync(floors, { recursive: true, force: true });
    }
  });
});
