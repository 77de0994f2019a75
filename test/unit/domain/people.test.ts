import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  ListUsersCommand,
  ListUsersInGroupCommand,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { changeUserAccess, inviteUser, listUsers, setUserEnabled } from '../../../shared/domain/people/manage-users';
import type { TUserDirectory } from '../../../shared/domain/ports';
import type { TUser } from '../../../shared/domain/user';
import { createCognitoUserDirectory } from '../../../shared/identity/cognito-user-directory';
import type { TUserAccount } from '../../../shared/schemas/user-account';
import { WARWICKSHIRE_AGENCIES } from '../../fixtures/agencies';
import { inMemoryAgencies } from '../../fixtures/in-memory-stores';

const ADMIN: TUser = { email: 'admin@accord.test', role: 'admin', agencies: [] };

const inMemoryDirectory = (accounts: TUserAccount[] = []) => {
  const byEmail = new Map(accounts.map((account) => [account.email, account]));
  const directory: TUserDirectory = {
    list: async () => [...byEmail.values()],
    get: async (email) => byEmail.get(email) ?? null,
    invite: async (invitation) => void byEmail.set(invitation.email, { email: invitation.email, name: invitation.name, role: invitation.role, agencies: invitation.agencies, enabled: true, status: 'invited', createdAt: '2027-03-01T09:00:00.000Z' }),
    setAccess: async (email, access) => void byEmail.set(email, { ...byEmail.get(email)!, ...access }),
    setEnabled: async (email, enabled) => void byEmail.set(email, { ...byEmail.get(email)!, enabled }),
  };
  return { directory, byEmail };
};

const setUp = (accounts: TUserAccount[] = []) => {
  let id = 0;
  return { ...inMemoryDirectory(accounts), agencies: inMemoryAgencies(WARWICKSHIRE_AGENCIES.map((agency) => ({ ...agency, legalContacts: [...agency.legalContacts], createdAt: '2026-01-01T00:00:00Z' }))), now: new Date('2027-03-01T09:00:00Z'), newId: () => `01J00000000000000000000${String(++id).padStart(3, '0')}` };
};

describe('managing the legal teams’ accounts', () => {
  it('invites an editor for the agencies chosen, and records it on each agency’s own trail', async () => {
    const kit = setUp();
    await inviteUser({ ...kit, user: ADMIN, invitation: { email: 'priya@warwickshire-fire.test', name: 'Priya Shah', role: 'editor', agencies: ['warwickshire-fire'] } });
    expect(kit.byEmail.get('priya@warwickshire-fire.test')).toMatchObject({ role: 'editor', agencies: ['warwickshire-fire'], status: 'invited' });
    const [event] = await kit.agencies.listEvents('warwickshire-fire');
    expect(event).toMatchObject({ type: 'user_access_granted', actor: { email: ADMIN.email }, data: { email: 'priya@warwickshire-fire.test', role: 'editor' } });
  });

  it('refuses a viewer or editor with no agency, an agency that does not exist, and anyone but an admin', async () => {
    const kit = setUp();
    const invitation = { email: 'x@warwickshire-fire.test', name: 'X', role: 'viewer' as const, agencies: [] };
    await expect(inviteUser({ ...kit, user: ADMIN, invitation })).rejects.toMatchObject({ code: 'validation_failed', errors: [{ path: 'agencies' }] });
    await expect(inviteUser({ ...kit, user: ADMIN, invitation: { ...invitation, agencies: ['atlantis-police'] } })).rejects.toMatchObject({ errors: [{ path: 'agencies', message: "no agency 'atlantis-police'" }] });
    await expect(inviteUser({ ...kit, user: { ...ADMIN, role: 'editor', agencies: ['warwickshire-fire'] }, invitation: { ...invitation, agencies: ['warwickshire-fire'] } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(listUsers({ ...kit, user: { ...ADMIN, role: 'viewer' } })).rejects.toMatchObject({ code: 'forbidden' });
    expect(kit.byEmail.size).toBe(0);
  });

  it('moves an account between agencies and roles, telling each agency what it gained or lost', async () => {
    const kit = setUp([{ email: 'sam@warwickshire-fire.test', name: 'Sam', role: 'editor', agencies: ['warwickshire-fire'], enabled: true, status: 'active', createdAt: '2027-01-01T00:00:00.000Z' }]);
    await changeUserAccess({ ...kit, user: ADMIN, email: 'sam@warwickshire-fire.test', access: { role: 'viewer', agencies: ['west-midlands-ambulance'] } });
    expect(kit.byEmail.get('sam@warwickshire-fire.test')).toMatchObject({ role: 'viewer', agencies: ['west-midlands-ambulance'] });
    expect((await kit.agencies.listEvents('west-midlands-ambulance')).map((event) => event.type)).toEqual(['user_access_granted']);
    expect((await kit.agencies.listEvents('warwickshire-fire')).map((event) => event.type)).toEqual(['user_access_removed']);
  });

  it('disables an account once, and never lets an admin change or disable their own', async () => {
    const kit = setUp([
      { email: 'sam@warwickshire-fire.test', name: 'Sam', role: 'editor', agencies: ['warwickshire-fire'], enabled: true, status: 'active', createdAt: '2027-01-01T00:00:00.000Z' },
      { email: ADMIN.email, name: 'Admin', role: 'admin', agencies: [], enabled: true, status: 'active', createdAt: '2027-01-01T00:00:00.000Z' },
    ]);
    await setUserEnabled({ ...kit, user: ADMIN, email: 'sam@warwickshire-fire.test', enabled: false });
    await setUserEnabled({ ...kit, user: ADMIN, email: 'sam@warwickshire-fire.test', enabled: false });
    expect(kit.byEmail.get('sam@warwickshire-fire.test')!.enabled).toBe(false);
    expect((await kit.agencies.listEvents('warwickshire-fire')).map((event) => event.type)).toEqual(['user_disabled']);
    await expect(setUserEnabled({ ...kit, user: ADMIN, email: ADMIN.email, enabled: false })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(changeUserAccess({ ...kit, user: ADMIN, email: 'ADMIN@accord.test', access: { role: 'viewer', agencies: ['warwickshire-fire'] } })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('the Cognito user directory', () => {
  const cognito = mockClient(CognitoIdentityProviderClient);
  afterEach(() => cognito.reset());
  const directory = createCognitoUserDirectory({ userPoolId: 'eu-west-2_abc123', region: 'eu-west-2', endpoint: undefined });

  it('invites by email with a verified address, the agencies attribute and the role’s group; an address taken is a conflict on the field', async () => {
    cognito.on(AdminCreateUserCommand).resolves({});
    cognito.on(AdminAddUserToGroupCommand).resolves({});
    await directory.invite({ email: 'priya@warwickshire-fire.test', name: 'Priya Shah', role: 'editor', agencies: ['warwickshire-fire', 'warwickshire-police'] });
    expect(cognito.commandCalls(AdminCreateUserCommand)[0]!.args[0].input).toMatchObject({
      UserPoolId: 'eu-west-2_abc123',
      Username: 'priya@warwickshire-fire.test',
      DesiredDeliveryMediums: ['EMAIL'],
      UserAttributes: expect.arrayContaining([{ Name: 'email_verified', Value: 'true' }, { Name: 'custom:agencies', Value: 'warwickshire-fire,warwickshire-police' }]),
    });
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)[0]!.args[0].input).toMatchObject({ GroupName: 'editor' });
    cognito.on(AdminCreateUserCommand).rejects(new UsernameExistsException({ message: 'exists', $metadata: {} }));
    await expect(directory.invite({ email: 'priya@warwickshire-fire.test', name: 'P', role: 'viewer', agencies: ['warwickshire-fire'] })).rejects.toMatchObject({ code: 'conflict', errors: [{ path: 'email' }] });
  });

  it('changes a role by joining the new group before leaving the old, and disabling also revokes every refresh token', async () => {
    cognito.on(AdminListGroupsForUserCommand).resolves({ Groups: [{ GroupName: 'editor' }, { GroupName: 'viewer' }] });
    await directory.setAccess('sam@warwickshire-fire.test', { role: 'viewer', agencies: ['warwickshire-fire'] });
    expect(cognito.calls().map((call) => call.args[0].constructor.name)).toEqual(['AdminUpdateUserAttributesCommand', 'AdminAddUserToGroupCommand', 'AdminListGroupsForUserCommand', 'AdminRemoveUserFromGroupCommand']);
    expect(cognito.commandCalls(AdminRemoveUserFromGroupCommand)[0]!.args[0].input.GroupName).toBe('editor');
    expect(cognito.commandCalls(AdminUpdateUserAttributesCommand)[0]!.args[0].input.UserAttributes).toEqual([{ Name: 'custom:agencies', Value: 'warwickshire-fire' }]);
    cognito.reset();
    await directory.setEnabled('sam@warwickshire-fire.test', false);
    expect(cognito.commandCalls(AdminDisableUserCommand)).toHaveLength(1);
    expect(cognito.commandCalls(AdminUserGlobalSignOutCommand)).toHaveLength(1);
    expect(cognito.calls().map((call) => call.args[0].constructor.name)).toEqual(['AdminUserGlobalSignOutCommand', 'AdminDisableUserCommand']);
  });

  it('lists every page of users with the highest role of their groups', async () => {
    cognito
      .on(ListUsersCommand)
      .resolvesOnce({ Users: [{ Username: 'u1', Enabled: true, UserStatus: 'CONFIRMED', Attributes: [{ Name: 'email', Value: 'One@Fire.test' }, { Name: 'custom:agencies', Value: 'warwickshire-fire' }] }], PaginationToken: 'next' })
      .resolvesOnce({ Users: [{ Username: 'u2', Enabled: false, UserStatus: 'FORCE_CHANGE_PASSWORD', Attributes: [{ Name: 'email', Value: 'two@fire.test' }] }] });
    cognito.on(ListUsersInGroupCommand, { GroupName: 'editor' }).resolves({ Users: [{ Username: 'u1' }] });
    cognito.on(ListUsersInGroupCommand, { GroupName: 'admin' }).resolves({ Users: [{ Username: 'u1' }] });
    cognito.on(ListUsersInGroupCommand, { GroupName: 'viewer' }).resolves({ Users: [] });
    const accounts = await directory.list();
    expect(accounts).toMatchObject([
      { email: 'one@fire.test', role: 'admin', agencies: ['warwickshire-fire'], enabled: true, status: 'active' },
      { email: 'two@fire.test', role: null, agencies: [], enabled: false, status: 'invited' },
    ]);
  });
});
