import type { TSettingName } from './config';
import { SESSION_PARTITION } from './db/keys';
import type { TIndexName } from './db/table-definition';

/** The DynamoDB actions an Accord function may be granted (IAM names; a transaction needs those of its items). */
export type TTableAction = 'GetItem' | 'BatchGetItem' | 'Query' | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'ConditionCheckItem';

export type TFunctionDefinition = {
  /** Path of the handler module from the repository root. */
  entry: string;
  description: string;
  /** How long one invocation may run; locally, what the context's remaining time counts down from. */
  timeoutSeconds: number;
  /** What its configuration reads; both stacks give it exactly the variables of these. */
  settings: readonly TSettingName[];
  /**
   * What it does to the table: its role is granted these and nothing else. Nobody scans.
   * `deletesUnder` limits DeleteItem to items whose partition key starts with it.
   */
  table: { actions: readonly TTableAction[]; indexes: readonly TIndexName[]; deletesUnder?: string };
  /**
   * What it does in the documents bucket, under which key prefixes: `write` includes signing the
   * upload URLs others PUT to (S3 checks the signer's own permission).
   */
  files?: { read?: readonly string[]; write?: readonly string[]; delete?: readonly string[] };
  /** Package files it reads at run time (not code esbuild can bundle), shipped in its asset's node_modules. */
  shipsWith?: readonly string[];
  /**
   * Files of its entry's folder it reads at run time, copied beside its bundle: a module of that
   * folder finds them at the same relative URL in the repository and deployed.
   */
  shipsBeside?: readonly string[];
  /** A script (`node <script> <dir>`) that builds files it reads at run time into `build/` beside its code. */
  buildsBeside?: string;
  /**
   * HTTP API routes it serves, if any. API Gateway prefers the most specific; `/{proxy+}` catches
   * the rest. Public routes (no sign-in, reachable by anyone) get the stage's stricter throttle.
   */
  routes?: readonly { method: 'ANY' | 'GET' | 'HEAD' | 'POST'; path: string; public?: true }[];
};

/**
 * Accord's Lambda functions, defined once: the CDK stack deploys them from this table (entry,
 * environment, grants, routes) and the local stack runs the same handlers from it, each in its
 * own worker with only its own variables, so the two cannot drift apart.
 */
export const FUNCTIONS = {
  api: {
    entry: 'functions/api/handler.ts',
    description: 'Legal-team JSON API, public register, OpenAPI document and health check',
    timeoutSeconds: 10,
    settings: ['table', 'publicBaseUrl', 'auth', 'signingKeys', 'webhookDestinations', 'documents'],
    // Upload URLs for a draft's files, their removal, and reading files and executed copies for signed-in users.
    files: { read: ['attachments/', 'executed/'], write: ['attachments/'], delete: ['attachments/'] },
    table: {
      actions: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem'],
      indexes: ['byScope', 'byScopeStatus', 'byScopeReviewDate'],
    },
    routes: [
      ...['/register', '/register.json', '/register.csv', '/register/declines.json', '/register/agreements/{id}', '/verify', '/verify/{sha256}'].flatMap((path) =>
        (['GET', 'HEAD'] as const).map((method) => ({ method, path, public: true as const })),
      ),
      { method: 'POST', path: '/verify', public: true },
      { method: 'ANY', path: '/{proxy+}' },
    ],
    // The OpenAPI document, generated at build time (functions/api/openapi-document.ts).
    shipsBeside: ['openapi.json'],
  },
  workspace: {
    entry: 'functions/workspace/handler.ts',
    description: "The legal teams' workspace: server-rendered GOV.UK Frontend pages for the whole lifecycle, with its own sign-in",
    timeoutSeconds: 10,
    settings: ['table', 'publicBaseUrl', 'auth', 'workspaceSignIn', 'userDirectory', 'signingKeys', 'documents', 'webhookDestinations'],
    // A draft's files, added through a form (the workspace writes the bytes) and taken off; downloads of them and of executed copies.
    files: { read: ['attachments/', 'executed/'], write: ['attachments/'], delete: ['attachments/'] },
    table: {
      // DeleteItem: a session ends at sign-out, and nothing else.
      actions: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem'],
      indexes: ['byScope', 'byScopeStatus', 'byScopeReviewDate'],
      deletesUnder: SESSION_PARTITION,
    },
    // GOV.UK Frontend's templates (compiled), the compiled style sheet and the scripts.
    buildsBeside: 'infra/workspace-assets.mjs',
    routes: [
      { method: 'ANY', path: '/app' },
      { method: 'ANY', path: '/app/{proxy+}' },
    ],
  },
  signing: {
    entry: 'functions/signing/handler.ts',
    description: "Signatories' pages: read the agreement, approve or decline; proposed parties' pages: record a view of a proposal",
    timeoutSeconds: 10,
    settings: ['table', 'publicBaseUrl', 'signingKeys', 'documents'],
    table: { actions: ['GetItem', 'BatchGetItem', 'PutItem', 'UpdateItem'], indexes: [] },
    // A signatory opens the files they are asked to sign, and a party its executed copy, through short-lived links.
    files: { read: ['attachments/', 'executed/'] },
    routes: [
      { method: 'GET', path: '/sign/{token}/attachments/{attachmentId}', public: true },
      { method: 'GET', path: '/copies/{token}', public: true },
      { method: 'GET', path: '/sign/{token}', public: true },
      { method: 'HEAD', path: '/sign/{token}', public: true },
      { method: 'POST', path: '/sign/{token}', public: true },
      { method: 'GET', path: '/proposals/respond/{token}', public: true },
      { method: 'HEAD', path: '/proposals/respond/{token}', public: true },
      { method: 'POST', path: '/proposals/respond/{token}', public: true },
    ],
  },
  outboxSender: {
    entry: 'functions/outbox-sender/handler.ts',
    description: 'Sends the emails and webhook deliveries of the transactional outbox from the table stream, and retries what is due every five minutes',
    timeoutSeconds: 120,
    settings: ['table', 'publicBaseUrl', 'signingKeys', 'mail', 'webhookDestinations'],
    // Query: the webhook endpoints, read for each event.
    table: { actions: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem'], indexes: ['dueWork'] },
  },
  dailyJob: {
    entry: 'functions/daily-job/handler.ts',
    description: 'Daily: review reminders, overdue escalation, signature reminders, link and agreement expiry, evidence past its retention',
    timeoutSeconds: 900,
    settings: ['table', 'evidenceRetention'],
    table: { actions: ['GetItem', 'BatchGetItem', 'PutItem', 'UpdateItem'], indexes: ['dueWork'] },
  },
  documents: {
    entry: 'functions/documents/handler.ts',
    description: 'Checks uploaded files against what was declared, and seals the executed copy of each version that comes into force',
    timeoutSeconds: 120,
    settings: ['table', 'documents', 'seal'],
    // Query: the audit trail the executed copy sets out.
    table: { actions: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem'], indexes: [] },
    files: { read: ['attachments/', 'executed/', 'seal/'], write: ['executed/', 'seal/'], delete: ['attachments/'] },
    // The executed copy's typefaces (shared/document/pdf-layout.ts), embedded in each PDF.
    shipsWith: ['dejavu-fonts-ttf/package.json', ...['DejaVuSans', 'DejaVuSans-Bold', 'DejaVuSans-Oblique', 'DejaVuSansMono'].map((font) => `dejavu-fonts-ttf/ttf/${font}.ttf`)],
  },
  sesEvents: {
    entry: 'functions/ses-events/handler.ts',
    description: 'Records SES bounces and complaints on their agreements',
    timeoutSeconds: 10,
    settings: ['table'],
    table: { actions: ['GetItem', 'BatchGetItem', 'PutItem', 'UpdateItem'], indexes: [] },
  },
} as const satisfies Record<string, TFunctionDefinition>;

export type TFunctionName = keyof typeof FUNCTIONS;

/** The functions that serve HTTP routes. */
export const HTTP_FUNCTION_NAMES = ['api', 'workspace', 'signing'] as const satisfies readonly TFunctionName[];
export type THttpFunctionName = (typeof HTTP_FUNCTION_NAMES)[number];

/** Variables every function gets, in AWS and locally, whatever its settings. */
export const FUNCTION_ENVIRONMENT = {
  POWERTOOLS_SERVICE_NAME: 'accord',
  POWERTOOLS_METRICS_NAMESPACE: 'Accord',
} as const;
