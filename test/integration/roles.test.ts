import { beforeAll, describe, expect, it } from 'vitest';
import type { TTestUser } from '../fixtures/auth';
import { ADMIN } from '../fixtures/http';
import { api } from '../fixtures/lifecycle';
import { ROLES, type TRole } from '../../shared/domain/user';

/**
 * Every operation of the OpenAPI document, called with no token and with a token of each role,
 * against a real agency and draft the callers can see. The document names the least role an
 * operation needs; the route layer must enforce exactly that, whatever the handler does.
 */
type TOperation = {
  security?: Record<string, string[]>[];
  responses: Record<string, unknown>;
};

const AGENCY = 'role-matrix-fire';
const userWith = (role: TRole): TTestUser => ({ email: `${role}@role-matrix.test`, role, agencies: [AGENCY] });

let document: { paths: Record<string, Record<string, TOperation>> };
let agreementId: string;

beforeAll(async () => {
  await api({ method: 'POST', path: '/agencies', as: ADMIN, body: { id: AGENCY, name: 'Role Matrix Fire', type: 'fire_and_rescue_authority' } });
  agreementId = (await api({ method: 'POST', path: '/agreements', as: userWith('editor'), body: { title: 'Role matrix' } })).json.id;
  document = (await api({ method: 'GET', path: '/openapi.json' })).json;
});

/** A concrete path for a templated one: the test's own agency and draft, a signatory that is not on it, a hash nobody signed. */
const concretePath = (template: string) =>
  template
    .replace('/agencies/{id}', `/agencies/${AGENCY}`)
    .replace('{id}', agreementId)
    .replace('{signatoryId}', '01JZZZZZZZZZZZZZZZZZZZZZZZ')
    .replace('{sha256}', 'a'.repeat(64))
    .replace('{proxy+}', 'agreements');

const operations = () =>
  Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
  );

/** The least role the document says an operation needs; undefined for a public one. */
const neededRole = (operation: TOperation): TRole | undefined => {
  const requirement = operation.security?.[0];
  return requirement ? (Object.values(requirement)[0]![0] as TRole) : undefined;
};

describe('roles, enforced where each route declares them', () => {
  it('documents a role for every operation that needs sign-in, and no public operation needs one', () => {
    const all = operations();
    expect(all.length).toBeGreaterThan(20);
    for (const { operation } of all) {
      if (operation.security?.length === 0) continue;
      expect(ROLES).toContain(neededRole(operation));
    }
  });

  it('answers 401 without a token, 403 below the documented role, and a documented outcome at or above it', async () => {
    const mismatches: string[] = [];
    for (const { path, method, operation } of operations()) {
      const needed = neededRole(operation);
      const call = { method, path: concretePath(path), ...(['POST', 'PUT', 'PATCH', 'DELETE'].includes(method) ? { body: {} } : {}) };
      const anonymous = await api(call);
      if (needed && anonymous.status !== 401) mismatches.push(`${method} ${path} without a token: ${anonymous.status}, not 401`);
      if (!needed && [401, 403].includes(anonymous.status)) mismatches.push(`${method} ${path} is public but answered ${anonymous.status}`);
      for (const role of ROLES) {
        const reply = await api({ ...call, as: userWith(role) });
        const allowed = !needed || ROLES.indexOf(role) >= ROLES.indexOf(needed);
        if (!allowed && reply.status !== 403) mismatches.push(`${method} ${path} as ${role}: ${reply.status}, not 403`);
        if (allowed && (reply.status === 401 || reply.status === 403)) mismatches.push(`${method} ${path} as ${role}: refused with ${reply.status}`);
        if (allowed && !operation.responses[String(reply.status)]) mismatches.push(`${method} ${path} as ${role}: ${reply.status} is not documented`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
