import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { AGENCIES_CLAIM } from '../../shared/http/auth';
import { highestRole, ROLES, type TRole } from '../../shared/domain/user';

/** The local user pool's id: what the workspace is told, as a deployed one is told Cognito's. */
export const LOCAL_USER_POOL_ID = 'eu-west-2_accordlocal';
/** As the deployed pool's `custom:agencies` attribute (infra/aws/accord-stack.ts). */
const AGENCIES_MAX_LENGTH = 2048;
/** Cognito's largest page for ListUsers and ListUsersInGroup. */
const MAX_PAGE = 60;

const ZLocalUser = z.object({
  /** As in a pool whose usernames are email addresses: Cognito names each user by a UUID of its own. */
  username: z.string(),
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
class CognitoFault extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

const ZAttributes = z._default(z.array(z.object({ Name: z.string(), Value: z.string() })), []);

const ZRequest = z.looseObject({
  UserPoolId: z.string(),
  Username: z.optional(z.string()),
  GroupName: z.optional(z.string()),
  Limit: z.optional(z.int()),
  PaginationToken: z.optional(z.string()),
  NextToken: z.optional(z.string()),
  UserAttributes: ZAttributes,
});
type TRequest = z.infer<typeof ZRequest>;

const attributesOf = (user: TLocalUser) => [
  { Name: 'sub', Value: user.username },
  { Name: 'email', Value: user.email },
  { Name: 'email_verified', Value: 'true' },
  { Name: 'name', Value: user.name },
  ...(user.agencies ? [{ Name: AGENCIES_CLAIM, Value: user.agencies }] : []),
];

const userType = (user: TLocalUser) => ({
  Username: user.username,
  Attributes: attributesOf(user),
  Enabled: user.enabled,
  UserStatus: user.status,
  UserCreateDate: user.createdAt,
  UserLastModifiedDate: user.createdAt,
});

/** One page of a listing, as Cognito pages it: at most `Limit` (up to 60), and a token for the next. */
const page = (users: TLocalUser[], request: TRequest, tokenName: 'PaginationToken' | 'NextToken') => {
  const limit = request.Limit ?? MAX_PAGE;
  if (limit < 1 || limit > MAX_PAGE) throw new CognitoFault('InvalidParameterException', `Limit must be between 1 and ${MAX_PAGE}.`);
  const start = Number(request[tokenName] ?? 0);
  const next = start + limit < users.length ? String(start + limit) : undefined;
  return { Users: users.slice(start, start + limit).map(userType), ...(next ? { [tokenName]: next } : {}) };
};

const checkedAgencies = (value: string) => {
  if (value.length > AGENCIES_MAX_LENGTH)
    throw new CognitoFault('InvalidParameterException', `${AGENCIES_CLAIM} must be at most ${AGENCIES_MAX_LENGTH} characters.`);
  return value;
};

const attributesFrom = (request: TRequest) => Object.fromEntries(request.UserAttributes.map((attribute) => [attribute.Name, attribute.Value]));

/**
 * The local stack's stand-in for the part of Cognito's admin API the workspace uses to manage
 * people, answering the same JSON protocol, so the workspace's Cognito adapter runs unchanged
 * against it. Users are kept in the data folder; the local sign-in reads the same accounts.
 */
export const createLocalUserDirectory = ({ dataDir, onSignOutEverywhere }: { dataDir: string; onSignOutEverywhere: (email: string) => void }) => {
  const file = join(dataDir, 'users.json');
  const users = new Map<string, TLocalUser>(
    existsSync(file)
      ? z
          .array(ZLocalUser)
          .parse(JSON.parse(readFileSync(file, 'utf8')))
          .map((user) => [user.email, user])
      : [],
  );
  const save = () => {
    writeFileSync(`${file}.next`, JSON.stringify([...users.values()], null, 2), { mode: 0o600 });
    renameSync(`${file}.next`, file);
  };
  const add = (user: Omit<TLocalUser, 'username' | 'createdAt'>) => {
    const created = { ...user, username: randomUUID(), createdAt: Math.floor(Date.now() / 1000) };
    users.set(created.email, created);
    save();
    return created;
  };

  /** Found by username or by email, as Cognito finds a user in a pool whose usernames are email addresses (case aside: the pool ignores it). */
  const find = (username: string | undefined) => {
    const key = (username ?? '').toLowerCase();
    const user = users.get(key) ?? [...users.values()].find((candidate) => candidate.username === username);
    if (!user) throw new CognitoFault('UserNotFoundException', 'User does not exist.');
    return user;
  };
  const change = (username: string | undefined, changed: (user: TLocalUser) => TLocalUser) => {
    const user = find(username);
    users.set(user.email, changed(user));
    save();
    return answer({});
  };
  const group = (name: string | undefined): TRole => {
    if (!(ROLES as readonly string[]).includes(name ?? '')) throw new CognitoFault('ResourceNotFoundException', 'Group not found.');
    return name as TRole;
  };

  const operations: Record<string, (request: TRequest) => TAnswer> = {
    ListUsers: (request) => answer(page([...users.values()], request, 'PaginationToken')),
    ListUsersInGroup: (request) => {
      const role = group(request.GroupName);
      return answer(
        page(
          [...users.values()].filter((user) => user.groups.includes(role)),
          request,
          'NextToken',
        ),
      );
    },
    AdminGetUser: ({ Username }) => {
      const user = find(Username);
      return answer({ ...userType(user), UserAttributes: attributesOf(user) });
    },
    AdminListGroupsForUser: ({ Username }) => answer({ Groups: find(Username).groups.map((GroupName) => ({ GroupName, UserPoolId: LOCAL_USER_POOL_ID })) }),
    AdminCreateUser: (request) => {
      const attributes = attributesFrom(request);
      const email = (attributes.email ?? request.Username ?? '').toLowerCase();
      if (users.has(email)) throw new CognitoFault('UsernameExistsException', 'An account with the given email already exists.');
      const created = add({
        email,
        name: attributes.name ?? '',
        groups: [],
        agencies: checkedAgencies(attributes[AGENCIES_CLAIM] ?? ''),
        enabled: true,
        status: 'FORCE_CHANGE_PASSWORD',
      });
      return answer({ User: userType(created) });
    },
    AdminAddUserToGroup: ({ Username, GroupName }) => {
      const role = group(GroupName);
      return change(Username, (user) => ({ ...user, groups: [...new Set([...user.groups, role])] }));
    },
    AdminRemoveUserFromGroup: ({ Username, GroupName }) => {
      const role = group(GroupName);
      return change(Username, (user) => ({ ...user, groups: user.groups.filter((candidate) => candidate !== role) }));
    },
    AdminUpdateUserAttributes: (request) => {
      const attributes = attributesFrom(request);
      return change(request.Username, (user) => ({
        ...user,
        name: attributes.name ?? user.name,
        agencies: checkedAgencies(attributes[AGENCIES_CLAIM] ?? user.agencies),
      }));
    },
    AdminDeleteUserAttributes: (request) => {
      const names = z.array(z.string()).parse((request as Record<string, unknown>).UserAttributeNames ?? []);
      return change(request.Username, (user) => ({ ...user, agencies: names.includes(AGENCIES_CLAIM) ? '' : user.agencies }));
    },
    AdminDisableUser: ({ Username }) => change(Username, (user) => ({ ...user, enabled: false })),
    AdminEnableUser: ({ Username }) => change(Username, (user) => ({ ...user, enabled: true })),
    AdminUserGlobalSignOut: ({ Username }) => {
      onSignOutEverywhere(find(Username).email);
      return answer({});
    },
  };

  /** The account as a sign-in sees it: its role and agencies, or null when disabled or without a role. */
  const signedInAs = (user: TLocalUser) => {
    const role = highestRole(user.groups);
    return user.enabled && role ? { email: user.email, role, agencies: user.agencies.split(',').filter(Boolean) } : null;
  };

  return {
    /** One call of Cognito's JSON API: `X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>`. */
    handle(target: string | undefined, body: string): TAnswer {
      const operation = operations[(target ?? '').replace(/^AWSCognitoIdentityProviderService\./, '')];
      try {
        if (!operation) throw new CognitoFault('InvalidParameterException', `The local user directory does not do ${target ?? 'that'}.`);
        const request = ZRequest.safeParse(JSON.parse(body || '{}'));
        if (!request.success) throw new CognitoFault('InvalidParameterException', 'The request is not one Cognito takes.');
        if (request.data.UserPoolId !== LOCAL_USER_POOL_ID)
          throw new CognitoFault('ResourceNotFoundException', `User pool ${request.data.UserPoolId} does not exist.`);
        return operation(request.data);
      } catch (error) {
        const fault = error instanceof CognitoFault ? error : new CognitoFault('InvalidParameterException', 'The request is not one Cognito takes.');
        return {
          statusCode: 400,
          headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': fault.type },
          body: JSON.stringify({ __type: fault.type, message: fault.message }),
        };
      }
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
        add({ email, name: '', groups: [asked.role], agencies: asked.agencies.join(','), enabled: true, status: 'CONFIRMED' });
        return { ...asked, email };
      }
      const account = signedInAs(user);
      if (!account)
        return {
          refused: user.enabled ? 'This account has no Accord role. An admin can give it one.' : 'This account is disabled. An admin can enable it again.',
        };
      if (user.status === 'FORCE_CHANGE_PASSWORD') {
        users.set(email, { ...user, status: 'CONFIRMED' });
        save();
      }
      return account;
    },

    /** The account as the token endpoint needs it at a refresh: gone, disabled or without a role refuses. */
    current(email: string) {
      const user = users.get(email.toLowerCase());
      return user ? signedInAs(user) : null;
    },
  };
};
export type TLocalUserDirectory = ReturnType<typeof createLocalUserDirectory>;
