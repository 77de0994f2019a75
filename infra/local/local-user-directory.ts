import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { AGENCIES_CLAIM } from '../../shared/http/auth';
import { ROLES, type TRole } from '../../shared/domain/user';

/** The local user pool's id: what the workspace is told, as a deployed one is told Cognito's. */
export const LOCAL_USER_POOL_ID = 'eu-west-2_accordlocal';

const ZLocalUser = z.object({
  email: z.string(),
  name: z.string(),
  groups: z.array(z.enum(ROLES)),
  agencies: z.string(),
  enabled: z.boolean(),
  status: z.enum(['FORCE_CHANGE_PASSWORD', 'CONFIRMED']),
  createdAt: z.number(),
});
type TLocalUser = z.infer<typeof ZLocalUser>;

type TAnswer = { statusCode: number; headers: Record<string, string>; body: string };

const answer = (body: unknown): TAnswer => ({ statusCode: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify(body) });
/** Errors as Cognito sends them, so the SDK raises the same named exceptions. */
const failure = (type: string, message: string): TAnswer => ({
  statusCode: 400,
  headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': type },
  body: JSON.stringify({ __type: type, message }),
});

const attributesOf = (user: TLocalUser) => [
  { Name: 'sub', Value: user.email },
  { Name: 'email', Value: user.email },
  { Name: 'email_verified', Value: 'true' },
  { Name: 'name', Value: user.name },
  { Name: AGENCIES_CLAIM, Value: user.agencies },
];

const userType = (user: TLocalUser) => ({
  Username: user.email,
  Attributes: attributesOf(user),
  Enabled: user.enabled,
  UserStatus: user.status,
  UserCreateDate: user.createdAt,
  UserLastModifiedDate: user.createdAt,
});

/**
 * The local stack's stand-in for the part of Cognito's admin API the workspace uses to manage
 * people, answering the same JSON protocol, so the workspace's Cognito adapter runs unchanged
 * against it. Users are kept in the data folder; the local sign-in reads the same accounts.
 */
export const createLocalUserDirectory = ({ dataDir, onSignOutEverywhere }: { dataDir: string; onSignOutEverywhere: (email: string) => void }) => {
  const file = join(dataDir, 'users.json');
  const users = new Map<string, TLocalUser>(
    existsSync(file) ? z.array(ZLocalUser).parse(JSON.parse(readFileSync(file, 'utf8'))).map((user) => [user.email, user]) : [],
  );
  const save = () => {
    writeFileSync(`${file}.next`, JSON.stringify([...users.values()], null, 2), { mode: 0o600 });
    renameSync(`${file}.next`, file);
  };

  const ZRequest = z.object({ UserPoolId: z.literal(LOCAL_USER_POOL_ID), Username: z.string().optional(), GroupName: z.string().optional() }).loose();

  const operations: Record<string, (request: z.infer<typeof ZRequest>) => TAnswer> = {
    ListUsers: () => answer({ Users: [...users.values()].map(userType) }),
    ListUsersInGroup: ({ GroupName }) => answer({ Users: [...users.values()].filter((user) => user.groups.includes(GroupName as TRole)).map(userType) }),
    AdminGetUser: ({ Username }) => {
      const user = users.get((Username ?? '').toLowerCase());
      return user ? answer({ ...userType(user), UserAttributes: attributesOf(user) }) : failure('UserNotFoundException', 'User does not exist.');
    },
    AdminListGroupsForUser: ({ Username }) => {
      const user = users.get((Username ?? '').toLowerCase());
      return user ? answer({ Groups: user.groups.map((GroupName) => ({ GroupName, UserPoolId: LOCAL_USER_POOL_ID })) }) : failure('UserNotFoundException', 'User does not exist.');
    },
    AdminCreateUser: (request) => {
      const email = (request.Username ?? '').toLowerCase();
      if (users.has(email)) return failure('UsernameExistsException', 'An account with the given email already exists.');
      const attributes = Object.fromEntries(z.array(z.object({ Name: z.string(), Value: z.string() })).parse(request.UserAttributes ?? []).map((a) => [a.Name, a.Value]));
      const user: TLocalUser = { email, name: attributes.name ?? '', groups: [], agencies: attributes[AGENCIES_CLAIM] ?? '', enabled: true, status: 'FORCE_CHANGE_PASSWORD', createdAt: Math.floor(Date.now() / 1000) };
      users.set(email, user);
      save();
      return answer({ User: userType(user) });
    },
    AdminAddUserToGroup: ({ Username, GroupName }) => changed(Username, (user) => ({ ...user, groups: [...new Set([...user.groups, z.enum(ROLES).parse(GroupName)])] })),
    AdminRemoveUserFromGroup: ({ Username, GroupName }) => changed(Username, (user) => ({ ...user, groups: user.groups.filter((group) => group !== GroupName) })),
    AdminUpdateUserAttributes: (request) =>
      changed(request.Username, (user) => {
        const attributes = Object.fromEntries(z.array(z.object({ Name: z.string(), Value: z.string() })).parse(request.UserAttributes ?? []).map((a) => [a.Name, a.Value]));
        return { ...user, name: attributes.name ?? user.name, agencies: attributes[AGENCIES_CLAIM] ?? user.agencies };
      }),
    AdminDisableUser: ({ Username }) => changed(Username, (user) => ({ ...user, enabled: false })),
    AdminEnableUser: ({ Username }) => changed(Username, (user) => ({ ...user, enabled: true })),
    AdminUserGlobalSignOut: ({ Username }) => {
      const email = (Username ?? '').toLowerCase();
      if (!users.has(email)) return failure('UserNotFoundException', 'User does not exist.');
      onSignOutEverywhere(email);
      return answer({});
    },
  };

  function changed(username: string | undefined, change: (user: TLocalUser) => TLocalUser): TAnswer {
    const user = users.get((username ?? '').toLowerCase());
    if (!user) return failure('UserNotFoundException', 'User does not exist.');
    users.set(user.email, change(user));
    save();
    return answer({});
  }

  return {
    /** One call of Cognito's JSON API: `X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>`. */
    handle(target: string | undefined, body: string): TAnswer {
      const operation = operations[(target ?? '').replace(/^AWSCognitoIdentityProviderService\./, '')];
      if (!operation) return failure('InvalidParameterException', `The local user directory does not do ${target ?? 'that'}.`);
      let parsed: unknown;
      try {
        parsed = JSON.parse(body || '{}');
      } catch {
        return failure('InvalidParameterException', 'The body is not JSON.');
      }
      const request = ZRequest.safeParse(parsed);
      if (!request.success) return failure('ResourceNotFoundException', `User pool does not exist; this one is ${LOCAL_USER_POOL_ID}.`);
      return operation(request.data);
    },

    /**
     * Who may sign in with this address, as Cognito would decide: an account the directory holds
     * signs in with its own role and agencies, or not at all when disabled. The local sign-in has
     * no invitations to accept, so an address it has not seen becomes an account with the role and
     * agencies asked for.
     */
    signIn(asked: { email: string; role: TRole; agencies: string[] }): { email: string; role: TRole; agencies: string[] } | { refused: string } {
      const email = asked.email.toLowerCase();
      const user = users.get(email);
      if (!user) {
        users.set(email, { email, name: '', groups: [asked.role], agencies: asked.agencies.join(','), enabled: true, status: 'CONFIRMED', createdAt: Math.floor(Date.now() / 1000) });
        save();
        return { ...asked, email };
      }
      if (!user.enabled) return { refused: 'This account is disabled. An admin can enable it again.' };
      const role = [...ROLES].reverse().find((candidate) => user.groups.includes(candidate));
      if (!role) return { refused: 'This account has no Accord role.' };
      if (user.status === 'FORCE_CHANGE_PASSWORD') {
        users.set(email, { ...user, status: 'CONFIRMED' });
        save();
      }
      return { email, role, agencies: user.agencies.split(',').filter(Boolean) };
    },

    /** The account as the token endpoint needs it at a refresh: gone or disabled refuses. */
    current(email: string) {
      const user = users.get(email.toLowerCase());
      if (!user?.enabled) return null;
      const role = [...ROLES].reverse().find((candidate) => user.groups.includes(candidate));
      return role ? { email: user.email, role, agencies: user.agencies.split(',').filter(Boolean) } : null;
    },
  };
};
export type TLocalUserDirectory = ReturnType<typeof createLocalUserDirectory>;

