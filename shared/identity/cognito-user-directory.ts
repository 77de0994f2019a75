import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserAttributesCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  ListUsersCommand,
  ListUsersInGroupCommand,
  type AttributeType,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { TSettings } from '../config';
import type { TUserDirectory } from '../domain/ports';
import { highestRole, ROLES } from '../domain/user';
import { AppError } from '../errors';
import { AGENCIES_CLAIM } from '../http/auth';
import type { TUserAccount } from '../schemas/user-account';
import { traceAwsClient } from '../xray-tracer';

const attributesOf = (attributes: AttributeType[] | undefined): Record<string, string> => Object.fromEntries((attributes ?? []).map((attribute) => [attribute.Name, attribute.Value ?? '']));

const accountOf = (user: { Attributes?: AttributeType[]; UserAttributes?: AttributeType[]; Enabled?: boolean; UserStatus?: string; UserCreateDate?: Date }, groups: readonly string[]): TUserAccount => {
  const attributes = attributesOf(user.Attributes ?? user.UserAttributes);
  return {
    email: (attributes.email ?? '').toLowerCase(),
    name: attributes.name ?? '',
    role: highestRole(groups),
    agencies: (attributes[AGENCIES_CLAIM] ?? '').split(',').map((id) => id.trim()).filter(Boolean),
    enabled: user.Enabled ?? false,
    status: user.UserStatus === 'FORCE_CHANGE_PASSWORD' ? 'invited' : 'active',
    createdAt: (user.UserCreateDate ?? new Date(0)).toISOString(),
  };
};

const isNamed = (error: unknown, name: string) => error instanceof Error && error.name === name;

/**
 * The user directory on a Cognito user pool whose usernames are email addresses. Locally the same
 * code talks to the local stack's stand-in for Cognito's admin API (`COGNITO_ENDPOINT`).
 */
export const createCognitoUserDirectory = (setting: TSettings['userDirectory']): TUserDirectory => {
  const client = traceAwsClient(
    new CognitoIdentityProviderClient({
      region: setting.region,
      // The local stand-in checks no signature; in AWS the function's role signs.
      ...(setting.endpoint ? { endpoint: setting.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    }),
  );
  const UserPoolId = setting.userPoolId;

  const groupsOf = async (email: string) => {
    const groups: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await client.send(new AdminListGroupsForUserCommand({ UserPoolId, Username: email, NextToken }));
      groups.push(...(page.Groups ?? []).map((group) => group.GroupName ?? ''));
      NextToken = page.NextToken;
    } while (NextToken);
    return groups;
  };

  return {
    async list() {
      const users: UserType[] = [];
      let PaginationToken: string | undefined;
      do {
        const page = await client.send(new ListUsersCommand({ UserPoolId, Limit: 60, PaginationToken }));
        users.push(...(page.Users ?? []));
        PaginationToken = page.PaginationToken;
      } while (PaginationToken);
      // One listing per group, not one call per user.
      const groupsByUser = new Map<string, string[]>();
      for (const role of ROLES) {
        let NextToken: string | undefined;
        do {
          const page = await client.send(new ListUsersInGroupCommand({ UserPoolId, GroupName: role, Limit: 60, NextToken }));
          for (const member of page.Users ?? []) groupsByUser.set(member.Username ?? '', [...(groupsByUser.get(member.Username ?? '') ?? []), role]);
          NextToken = page.NextToken;
        } while (NextToken);
      }
      return users.map((user) => accountOf(user, groupsByUser.get(user.Username ?? '') ?? []));
    },
    async get(email) {
      try {
        const user = await client.send(new AdminGetUserCommand({ UserPoolId, Username: email }));
        return accountOf(user, await groupsOf(email));
      } catch (error) {
        if (isNamed(error, 'UserNotFoundException')) return null;
        throw error;
      }
    },
    async invite(invitation) {
      try {
        await client.send(
          new AdminCreateUserCommand({
            UserPoolId,
            Username: invitation.email,
            DesiredDeliveryMediums: ['EMAIL'],
            UserAttributes: [
              { Name: 'email', Value: invitation.email },
              { Name: 'email_verified', Value: 'true' },
              { Name: 'name', Value: invitation.name },
              // An admin acts for every agency: no attribute rather than an empty one.
              ...(invitation.agencies.length ? [{ Name: AGENCIES_CLAIM, Value: invitation.agencies.join(',') }] : []),
            ],
          }),
        );
      } catch (error) {
        if (isNamed(error, 'UsernameExistsException')) throw new AppError('conflict', `${invitation.email} already has an account.`, [{ path: 'email', message: 'already has an account: find it in the list of users' }]);
        if (isNamed(error, 'CodeDeliveryFailureException')) throw new AppError('unavailable', 'The invitation email could not be sent just now. Try again in a few minutes.', undefined, { retryAfterSeconds: 300 });
        throw error;
      }
      // Should this fail, the account exists without a role: its page in the workspace gives it one.
      await client.send(new AdminAddUserToGroupCommand({ UserPoolId, Username: invitation.email, GroupName: invitation.role }));
    },
    async setAccess(email, access) {
      if (access.agencies.length) {
        await client.send(new AdminUpdateUserAttributesCommand({ UserPoolId, Username: email, UserAttributes: [{ Name: AGENCIES_CLAIM, Value: access.agencies.join(',') }] }));
      } else {
        await client.send(new AdminDeleteUserAttributesCommand({ UserPoolId, Username: email, UserAttributeNames: [AGENCIES_CLAIM] }));
      }
      // Added to the new group before leaving the old, so the account is never without a role.
      await client.send(new AdminAddUserToGroupCommand({ UserPoolId, Username: email, GroupName: access.role }));
      for (const group of await groupsOf(email)) {
        if (group !== access.role && (ROLES as readonly string[]).includes(group)) await client.send(new AdminRemoveUserFromGroupCommand({ UserPoolId, Username: email, GroupName: group }));
      }
    },
    async setEnabled(email, enabled) {
      if (enabled) {
        await client.send(new AdminEnableUserCommand({ UserPoolId, Username: email }));
        return;
      }
      // Signed out everywhere first: should disabling then fail, the account is only signed out, and the admin is told.
      await client.send(new AdminUserGlobalSignOutCommand({ UserPoolId, Username: email }));
      await client.send(new AdminDisableUserCommand({ UserPoolId, Username: email }));
    },
  };
};
