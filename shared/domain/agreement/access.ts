import { AppError } from '../../errors';
import { partiesNow, type TAgreement } from '../../schemas/agreement';
import { hasRole, type TRole, type TUser } from '../user';

/** The agencies whose members may see and act on an agreement: the drafting agency and every party (once signed, every party it binds). */
export const agenciesWithAccess = (agreement: Pick<TAgreement, 'ownerAgencyId' | 'parties' | 'status'>): string[] => [
  ...new Set([...(agreement.ownerAgencyId ? [agreement.ownerAgencyId] : []), ...partiesNow(agreement).map((p) => p.agencyId)]),
];

export const canSee = (user: TUser, agreement: TAgreement): boolean =>
  user.role === 'admin' ||
  agreement.owner === user.email ||
  agenciesWithAccess(agreement).some((agencyId) => user.agencies.includes(agencyId));

/**
 * Another agency's agreement is reported as missing, not forbidden, so its existence does not leak.
 * A visible agreement the user's role cannot act on is 403.
 */
export const assertAccess = (user: TUser, agreement: TAgreement | undefined, needed: TRole): TAgreement => {
  if (!agreement || !canSee(user, agreement)) throw new AppError('not_found', 'No such agreement.');
  if (!hasRole(user, needed)) throw new AppError('forbidden', `This needs the ${needed} role.`);
  return agreement;
};

export const assertRole = (user: TUser, needed: TRole, why = `This needs the ${needed} role.`): void => {
  if (!hasRole(user, needed)) throw new AppError('forbidden', why);
};

/** `"7"`, `W/"7"` or `*` (RFC 9110 If-Match); a list matches when any tag does. */
export const assertRevisionMatches = (ifMatch: string, revision: number): void => {
  const matches = ifMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === `"${revision}"`);
  if (!matches) throw new AppError('precondition_failed', `The agreement has changed; it is now at revision ${revision}.`);
};
