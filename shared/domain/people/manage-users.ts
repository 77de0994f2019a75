import { AppError } from '../../errors';
import type { TUserAccess, TUserAccount, TUserInvitation } from '../../schemas/user-account';
import { recordAgencyAccess } from '../agency/agencies';
import type { TAgencyStore, TUserDirectory } from '../ports';
import { assertRole } from '../agreement/access';
import type { TUser } from '../user';

type TPeople = { user: TUser; directory: TUserDirectory; agencies: TAgencyStore; now: Date; newId: () => string };

/** Sorted for a person reading the list: enabled first, then by name. */
export const listUsers = async ({ user, directory }: Pick<TPeople, 'user' | 'directory'>): Promise<TUserAccount[]> => {
  assertRole(user, 'admin');
  return (await directory.list()).sort((a, b) => Number(b.enabled) - Number(a.enabled) || a.name.localeCompare(b.name, 'en-GB') || a.email.localeCompare(b.email));
};

export const readUser = async ({ user, directory, email }: Pick<TPeople, 'user' | 'directory'> & { email: string }): Promise<TUserAccount> => {
  assertRole(user, 'admin');
  const account = await directory.get(email.toLowerCase());
  if (!account) throw new AppError('not_found', `No account for ${email}.`);
  return account;
};

/** A viewer or editor sees only the agreements of their agencies, so they need at least one; every agency named must exist. */
const checkAccess = async (agencies: TAgencyStore, access: TUserAccess) => {
  if (access.role !== 'admin' && access.agencies.length === 0) {
    throw new AppError('validation_failed', 'Choose the agencies they work for.', [{ path: 'agencies', message: 'choose at least one agency: a viewer or editor sees only their agencies’ agreements' }]);
  }
  const known = await agencies.getMany(access.agencies);
  const unknown = access.agencies.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new AppError('validation_failed', `No agency '${unknown.join("', '")}'.`, [{ path: 'agencies', message: `no agency '${unknown[0]}'` }]);
};

/** An admin cannot lock themselves out: another admin must change or disable their account. */
const assertNotSelf = (user: TUser, email: string) => {
  if (user.email === email.toLowerCase()) throw new AppError('forbidden', 'You cannot change or disable your own account; ask another admin.');
};

/**
 * The identity provider and the table cannot share a transaction: the account changes first, then
 * each agency's trail records it. Should the record fail, the change stands and the error says so.
 */
const recordOnAgencies = async (people: TPeople, agencyIds: readonly string[], type: Parameters<typeof recordAgencyAccess>[0]['type'], data: Record<string, unknown>) => {
  for (const agencyId of new Set(agencyIds)) {
    await recordAgencyAccess({ agencyId, user: people.user, now: people.now, newId: people.newId, agencies: people.agencies, type, data });
  }
};

export const inviteUser = async (people: TPeople & { invitation: TUserInvitation }): Promise<void> => {
  assertRole(people.user, 'admin');
  const { invitation } = people;
  await checkAccess(people.agencies, invitation);
  await people.directory.invite(invitation);
  await recordOnAgencies(people, invitation.agencies, 'user_access_granted', { email: invitation.email, role: invitation.role });
};

export const changeUserAccess = async (people: TPeople & { email: string; access: TUserAccess }): Promise<void> => {
  assertRole(people.user, 'admin');
  assertNotSelf(people.user, people.email);
  const before = await readUser(people);
  await checkAccess(people.agencies, people.access);
  await people.directory.setAccess(before.email, people.access);
  const { role, agencies } = people.access;
  await recordOnAgencies(people, agencies.filter((id) => !before.agencies.includes(id)), 'user_access_granted', { email: before.email, role });
  if (role !== before.role) await recordOnAgencies(people, agencies.filter((id) => before.agencies.includes(id)), 'user_access_changed', { email: before.email, role, previousRole: before.role });
  await recordOnAgencies(people, before.agencies.filter((id) => !agencies.includes(id)), 'user_access_removed', { email: before.email });
};

export const setUserEnabled = async (people: TPeople & { email: string; enabled: boolean }): Promise<void> => {
  assertRole(people.user, 'admin');
  assertNotSelf(people.user, people.email);
  const account = await readUser(people);
  if (account.enabled === people.enabled) return;
  await people.directory.setEnabled(account.email, people.enabled);
  await recordOnAgencies(people, account.agencies, people.enabled ? 'user_enabled' : 'user_disabled', { email: account.email });
};
