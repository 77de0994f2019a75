import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { ZProblem } from '../schemas/common';
import { PROBLEM_CONTENT_TYPE } from './problem';
import type { TRouteSpec } from './route';

const PROBLEM_RESPONSES: Record<number, string> = {
  400: 'Bad input; `errors[]` names each field',
  401: 'No or invalid bearer token',
  403: "The caller's role does not allow this",
  404: 'Not found, or not visible to the caller',
  503: 'Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds',
};

/** The OpenAPI 3.1 document, generated from the same route specs and zod schemas the API runs on. */
export const buildOpenApiDocument = (routes: TRouteSpec[], serverUrl: string) => {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'A Cognito ID token (in AWS) or one from POST /_local/login (local stack)',
  });
  for (const route of routes) {
    const responses = Object.fromEntries(
      Object.entries(route.responses).map(([status, doc]) => [
        status,
        {
          description: doc.description,
          ...(doc.schema ? { content: { [doc.contentType ?? 'application/json']: { schema: doc.schema } } } : {}),
        },
      ]),
    );
    for (const [status, description] of Object.entries(PROBLEM_RESPONSES)) {
      if (route.auth === 'public' && (status === '401' || status === '403')) continue;
      responses[status] ??= { description, content: { [PROBLEM_CONTENT_TYPE]: { schema: ZProblem } } };
    }
    registry.registerPath({
      method: route.method.toLowerCase() as 'get',
      path: route.path,
      operationId: route.operationId,
      summary: route.summary,
      tags: route.tags,
      // A public operation says so: it needs no credentials, rather than leaving the question open. Others name
      // the least role they need (OpenAPI 3.1 lets a bearer requirement list role names); the route layer enforces it.
      ...(route.auth === 'public' ? { security: [] } : { security: [{ [bearer.name]: [route.auth] }], description: `Needs the ${route.auth} role.` }),
      request: {
        ...(route.params ? { params: route.params as never } : {}),
        ...(route.query ? { query: route.query as never } : {}),
        ...(route.body ? { body: { required: true, content: { 'application/json': { schema: route.body } } } } : {}),
      },
      responses,
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Accord',
      version: '1',
      description: 'Collaboration agreements between emergency services: drafting, sign-off and review.',
      license: { name: 'Open Government Licence v3.0', identifier: 'OGL-UK-3.0' },
    },
    servers: [{ url: serverUrl }],
  });
};
