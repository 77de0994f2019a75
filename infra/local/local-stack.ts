import '../../shared/schemas/zod-settings';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import sesLocal from 'aws-ses-v2-local';
import * as z from 'zod/mini';
import type { APIGatewayProxyResultV2, DynamoDBBatchResponse, S3Event } from 'aws-lambda';
import { FUNCTIONS, HTTP_FUNCTION_NAMES, type TFunctionName } from '../../shared/functions';
import { OUTBOX_STREAM_FILTER } from '../../shared/db/outbox-repository';
import { createDevAuth, ZLocalLoginRequest } from './dev-auth';
import { createDevSignIn } from './dev-sign-in';
import { createLocalUserDirectory, LOCAL_USER_POOL_ID } from './local-user-directory';
import { ensureWorkspaceAssets } from '../workspace-assets.mjs';
import { localEnvironment, startFunctionWorker, type TFunctionWorker } from './function-workers';
import { loadLocalSealKey, loadLocalSigningKeys } from './local-signing-keys';
import { LOCAL_DOCUMENTS_BUCKET, startS3Local, watchNewObjects } from './s3-local';
import { IN_FORCE_STREAM_FILTER } from '../../shared/db/audit-trail';
import { startStreamPoller } from './stream-poller';
import { ZDailyJobEvent } from '../../functions/daily-job/daily-job-event.schema';
import { ZOutboxSweepEvent } from '../../functions/outbox-sender/outbox-sweep-event.schema';
import { ensureTable, startDynamoDbLocal } from './dynamodb-local';
import { TABLE_DEFINITION } from '../../shared/db/table-definition';
import { API_GATEWAY_PAYLOAD_LIMIT, matchRoute, readBody, toHttpApiEvent, writeResult, type TRoute } from './lambda-http';

export const TABLE_NAME = 'accord';
/** Where the workspace function finds its templates and assets when it runs from the repository. */
export const WORKSPACE_BUILD_DIR = resolve(import.meta.dirname, '..', '..', 'functions', 'workspace', 'build');
/** How often the local stack sweeps the outbox for retries that have fallen due. */
const OUTBOX_SWEEP_EVERY_MS = 15_000;

// aws-ses-v2-local is CommonJS with an ES-style default export; Node's ESM loader wraps it once more.
const startSesServer = ((sesLocal as unknown as { default?: typeof sesLocal }).default ?? sesLocal) as typeof sesLocal;

const ZLocalSettings = z.object({
  PORT: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(65535)), 3000),
  SES_PORT: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(65535)), 8005),
  /** An SES endpoint already running (a mailbox a test controls, say): none is started. */
  SES_ENDPOINT: z.optional(z.url()),
  DYNAMODB_PORT: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(65535)), 8000),
  DYNAMODB_ENDPOINT: z.optional(z.url()),
  S3_PORT: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(65535)), 8006),
  /** An S3-compatible server already running, with the documents bucket: none is started, and new uploads are found by listing. */
  S3_ENDPOINT: z.optional(z.url()),
  ACCORD_DATA_DIR: z._default(z.string().check(z.minLength(1)), '.accord'),
  PUBLIC_BASE_URL: z.optional(z.url()),
});

const problem = (status: number, title: string, detail: string, errors?: unknown) => ({
  statusCode: status,
  headers: { 'content-type': 'application/problem+json' },
  body: JSON.stringify({ type: 'about:blank', title, status, detail, ...(errors ? { errors } : {}) }),
});

type TLocalAnswer = { statusCode: number; headers: Record<string, string>; body: string };

const listen = (server: Server, port: number) =>
  new Promise<number>((done, fail) => {
    server.once('error', fail);
    server.listen(port, 'localhost', () => done((server.address() as AddressInfo).port));
  });

const close = (server: Server) => new Promise<void>((done) => server.close(() => done()));

/** The local SES with its mailbox page, stopped with the stack. */
const startMailbox = async (port: number, stoppers: (() => Promise<void>)[]) => {
  const ses = await startSesServer({ host: 'localhost', port });
  stoppers.push(() => close(ses));
  return `http://localhost:${(ses.address() as AddressInfo).port}`;
};

/**
 * Local data kept under an older table layout would not read as this one: it is moved aside
 * (never deleted) and the stack starts with an empty table, saying so.
 */
const setAsideOlderLayout = (dataDir: string) => {
  const tableDir = resolve(dataDir, 'dynamodb');
  const layoutFile = resolve(dataDir, 'table-layout');
  const layout = existsSync(layoutFile) ? readFileSync(layoutFile, 'utf8').trim() : existsSync(tableDir) ? '1' : null;
  if (layout !== null && layout !== String(TABLE_DEFINITION.layoutVersion) && existsSync(tableDir)) {
    const aside = `${tableDir}-layout${layout}-${Date.now()}`;
    renameSync(tableDir, aside);
    console.warn(`Local data from an older table layout (${layout}) was moved to ${aside}; starting with an empty table.`);
  }
  writeFileSync(layoutFile, String(TABLE_DEFINITION.layoutVersion));
};

/**
 * The whole of Accord on one machine (the contract (Local stack)): DynamoDB Local, a local SES with its mailbox,
 * and an HTTP server that hands API Gateway payload-2.0 events to the real Lambda handlers.
 */
export const startLocalStack = async (env: NodeJS.ProcessEnv = process.env) => {
  const settings = ZLocalSettings.parse(env);
  const dataDir = resolve(settings.ACCORD_DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  if (!settings.DYNAMODB_ENDPOINT) setAsideOlderLayout(dataDir);

  const dynamo = settings.DYNAMODB_ENDPOINT
    ? { endpoint: settings.DYNAMODB_ENDPOINT, stop: async () => undefined }
    : await startDynamoDbLocal({ port: settings.DYNAMODB_PORT, dataDir: resolve(dataDir, 'dynamodb') });
  const stoppers: (() => Promise<void>)[] = [dynamo.stop];
  const stop = async () => {
    for (const stopOne of stoppers.reverse()) await stopOne();
  };

  try {
    await ensureTable(dynamo.endpoint, TABLE_NAME);

    const sesUrl = settings.SES_ENDPOINT?.replace(/\/+$/, '') ?? (await startMailbox(settings.SES_PORT, stoppers));

    const port = settings.PORT;
    const publicBaseUrl = (settings.PUBLIC_BASE_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
    const issuer = `${publicBaseUrl}/_local`;
    const devAuth = await createDevAuth({ dataDir, issuer });
    // A new secret each start: sessions sealed under it end when the stack stops, as its refresh tokens do.
    const workspaceClientSecret = randomBytes(32).toString('base64url');
    const directory = createLocalUserDirectory({ dataDir, onSignOutEverywhere: (email) => devSignIn.revokeAllOf(email) });
    const devSignIn = createDevSignIn({ devAuth, publicBaseUrl, clientSecret: workspaceClientSecret, directory });
    await ensureWorkspaceAssets(WORKSPACE_BUILD_DIR);

    // What the CDK stack gives its functions, the local way; each function gets only its own share.
    const settingValues: Record<string, string> = {
      TABLE_NAME,
      PUBLIC_BASE_URL: publicBaseUrl,
      LOCAL_AUTH_ISSUER: issuer,
      LOCAL_AUTH_JWKS: JSON.stringify(devAuth.jwks),
      LOCAL_SIGN_IN_URL: issuer,
      LOCAL_SIGN_IN_CLIENT_SECRET: workspaceClientSecret,
      COGNITO_USER_POOL_ID: LOCAL_USER_POOL_ID,
      // Kept with the data, so links in the mailbox survive a restart.
      SIGNING_KEYS: JSON.stringify(loadLocalSigningKeys(dataDir)),
      MAIL_FROM: 'Accord <accord@accord.localhost>',
      // So a webhook endpoint on this laptop (http://localhost:…) can be tried out.
      WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: 'true',
      DOCUMENTS_BUCKET: LOCAL_DOCUMENTS_BUCKET,
      SEAL_KEY: JSON.stringify(await loadLocalSealKey(dataDir)),
    };
    // Uploads reach the documents function as S3's notifications reach it in AWS.
    let onObjectCreated: (event: S3Event) => void = () => undefined;
    const s3Url =
      settings.S3_ENDPOINT?.replace(/\/+$/, '') ??
      (await (async () => {
        const s3 = await startS3Local({
          port: settings.S3_PORT,
          directory: resolve(dataDir, 's3'),
          onObjectCreated: (event) => onObjectCreated(event),
          browserOrigin: publicBaseUrl,
        });
        stoppers.push(s3.stop);
        return s3.endpoint;
      })());
    const platform = {
      AWS_REGION: env.AWS_REGION ?? 'eu-west-2',
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      SES_ENDPOINT: sesUrl,
      COGNITO_ENDPOINT: `${publicBaseUrl}/_local/cognito`,
      S3_ENDPOINT: s3Url,
      POWERTOOLS_TRACE_ENABLED: 'false',
      POWERTOOLS_METRICS_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
    // The outbox sender and the daily job are not HTTP functions; SES events never happen locally.
    const localFunctions = [...HTTP_FUNCTION_NAMES, 'outboxSender', 'dailyJob', 'documents'] as const satisfies readonly TFunctionName[];
    const workers = Object.fromEntries(
      await Promise.all(localFunctions.map(async (name) => [name, await startFunctionWorker(name, localEnvironment(name, settingValues, platform))] as const)),
    ) as Record<(typeof localFunctions)[number], TFunctionWorker>;
    for (const worker of Object.values(workers)) stoppers.push(worker.stop);

    /** What a stream event source mapping does in AWS: the table's stream, filtered, feeds a function. */
    const feedFromStream = async (filter: unknown, name: 'outboxSender' | 'documents') => {
      const poller = await startStreamPoller({
        endpoint: dynamo.endpoint,
        tableName: TABLE_NAME,
        filter,
        handler: (event) => workers[name].invoke<DynamoDBBatchResponse>(event),
        name: `accord-${name}`,
      });
      stoppers.push(poller.stop);
    };
    // The outbox's emails and webhook events.
    await feedFromStream(OUTBOX_STREAM_FILTER, 'outboxSender');
    onObjectCreated = (event) => {
      workers.documents.invoke(event).catch((error: Error) => console.error('Checking an upload failed:', error.message));
    };
    // A server of someone else's announces nothing: new uploads are found by listing.
    if (settings.S3_ENDPOINT) {
      const watcher = watchNewObjects({ endpoint: s3Url, bucket: LOCAL_DOCUMENTS_BUCKET, everyMs: 2_000, onObjectCreated: (event) => onObjectCreated(event) });
      stoppers.push(watcher.stop);
    }
    // Executed copies: the documents function hears of each version coming into force.
    await feedFromStream(IN_FORCE_STREAM_FILTER, 'documents');
    // The outbox sweep: what the five-minute schedule does in AWS, more often here so a retry is seen soon.
    const sweepOutbox = (time: string) => workers.outboxSender.invoke({ time });
    const sweeper = setInterval(() => {
      sweepOutbox(new Date().toISOString()).catch((error: Error) => console.error('Outbox sweep failed:', error.message));
    }, OUTBOX_SWEEP_EVERY_MS);
    stoppers.push(async () => clearInterval(sweeper));
    // Specific routes before greedy ones, as API Gateway chooses.
    const isGreedy = (route: TRoute) => route.path.includes('+}');
    const routeTable = HTTP_FUNCTION_NAMES.flatMap((name) => FUNCTIONS[name].routes.map((route) => ({ name, route: route as TRoute }))).sort(
      (a, b) => Number(isGreedy(a.route)) - Number(isGreedy(b.route)) || (isGreedy(a.route) ? b.route.path.length - a.route.path.length : 0),
    );

    const localRoutes: Record<string, (body: unknown) => Promise<ReturnType<typeof problem>>> = {
      // What EventBridge Scheduler does daily in AWS, on demand and for any date.
      'POST /_local/scheduled/daily': async (body) => {
        const event = ZDailyJobEvent.safeParse(body);
        if (!event.success) {
          return problem(400, 'Validation failed', 'Send { "time": "2027-03-01T09:00:00Z" }.', [{ path: 'time', message: 'an ISO date-time' }]);
        }
        const report = await workers.dailyJob.invoke(event.data);
        return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(report) };
      },
      // The outbox sweep, on demand and at any moment: retries due by then are made.
      'POST /_local/scheduled/outbox': async (body) => {
        const event = ZOutboxSweepEvent.safeParse(body);
        if (!event.success) {
          return problem(400, 'Validation failed', 'Send { "time": "2027-03-01T09:05:00Z" }.', [{ path: 'time', message: 'an ISO date-time' }]);
        }
        return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(await sweepOutbox(event.data.time)) };
      },
      'POST /_local/login': async (body) => {
        const login = ZLocalLoginRequest.safeParse(body);
        if (!login.success) {
          const errors = login.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
          return problem(400, 'Validation failed', 'Send { email, role, agencies[] }.', errors);
        }
        const account = directory.signIn(login.data);
        if ('refused' in account) return problem(403, 'Sign-in refused', account.refused);
        return {
          statusCode: 200,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token: await devAuth.issueToken(account) }),
        };
      },
    };

    /** Cognito's OAuth 2.0 endpoints, the local way: forms and query strings, not JSON. */
    const localOAuth: Record<string, (input: URLSearchParams, authorization?: string) => TLocalAnswer | Promise<TLocalAnswer>> = {
      'GET /_local/oauth2/authorize': devSignIn.authorizePage,
      'POST /_local/oauth2/authorize': devSignIn.authorize,
      'POST /_local/oauth2/token': devSignIn.token,
      'POST /_local/oauth2/revoke': devSignIn.revoke,
      'GET /_local/logout': devSignIn.logout,
    };

    const server = createServer(async (request, response) => {
      try {
        const method = request.method ?? 'GET';
        const url = new URL(request.url ?? '/', 'http://localhost');
        const body = await readBody(request, API_GATEWAY_PAYLOAD_LIMIT);
        if (body === null) return writeResult(response, problem(413, 'Payload too large', 'The body is over 10 MB.'));
        const oauth = localOAuth[`${method} ${url.pathname}`];
        if (oauth)
          return writeResult(
            response,
            await oauth(method === 'GET' ? url.searchParams : new URLSearchParams(body.toString('utf8')), request.headers.authorization),
          );
        if (method === 'POST' && /^\/_local\/cognito\/?$/.test(url.pathname)) {
          return writeResult(response, directory.handle(String(request.headers['x-amz-target'] ?? ''), body.toString('utf8')));
        }
        const local = localRoutes[`${method} ${url.pathname}`];
        if (local) {
          let parsed: unknown;
          try {
            parsed = JSON.parse(body.toString('utf8') || '{}');
          } catch {
            return writeResult(response, problem(400, 'Malformed request', 'The request body is not valid JSON.'));
          }
          return writeResult(response, await local(parsed));
        }
        for (const { name, route } of routeTable) {
          const pathParameters = matchRoute(route, method, url.pathname);
          if (!pathParameters) continue;
          const event = toHttpApiEvent(
            { method, url: request.url ?? '/', headers: request.headers, body, sourceIp: request.socket.remoteAddress ?? '127.0.0.1' },
            route,
            pathParameters,
          );
          return writeResult(response, await workers[name].invoke<APIGatewayProxyResultV2>(event));
        }
        writeResult(response, problem(404, 'Not found', 'There is nothing at this path.'));
      } catch (error) {
        // A handler that throws is a 500 from API Gateway too; the cause goes to the console only.
        console.error(error);
        if (!response.headersSent) writeResult(response, { statusCode: 500, body: '{"message":"Internal Server Error"}' });
      }
    });

    // Listening last: a request that arrives now finds every handler loaded.
    await listen(server, port);
    stoppers.push(() => {
      server.closeAllConnections();
      return close(server);
    });
    return { url: `http://localhost:${port}`, port, sesUrl, s3Url, dynamoEndpoint: dynamo.endpoint, stop };
  } catch (error) {
    await stop();
    throw error;
  }
};
