/**
 * Which Lambda function serves which HTTP API routes. The CDK stack creates these routes and the
 * local stack dispatches by the same table, so a request reaches the same handler in both.
 * API Gateway prefers the most specific route; the greedy `/{proxy+}` catches the rest.
 */
export const HTTP_FUNCTIONS = {
  api: {
    entry: 'functions/api/handler.ts',
    description: 'Legal-team JSON API, OpenAPI document and health check',
    routes: [{ method: 'ANY', path: '/{proxy+}' }],
  },
  signing: {
    entry: 'functions/signing/handler.ts',
    description: "Signatories' pages: read the agreement, approve or decline",
    routes: [
      { method: 'GET', path: '/sign/{token}' },
      { method: 'HEAD', path: '/sign/{token}' },
      { method: 'POST', path: '/sign/{token}' },
    ],
  },
} as const;

export type THttpFunctionName = keyof typeof HTTP_FUNCTIONS;
