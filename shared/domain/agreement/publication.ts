import { AppError } from '../../errors';
import { partiesNow, type TAgreement, type TPublicationRequest } from '../../schemas/agreement';
import type { TAgreementStore } from '../ports';
import type { TUser } from '../user';
import { asUser, changeAgreement, userActor } from './change-agreement';

/**
 * A party records how it publishes an agreement in force (Police Act 1996 s.23E): in full, a
 * summary, or withheld with the reason, and where. Only the party's own editors (or an admin)
 * speak for it; the public register shows what each party recorded.
 */
export const recordPublication = async (options: {
  id: string;
  agencyId: string;
  publication: TPublicationRequest;
  user: TUser;
  ifMatch?: string | undefined;
  now: Date;
  newId: () => string;
  agreements: TAgreementStore;
}): Promise<TAgreement> => {
  const { user, agencyId } = options;
  const result = await changeAgreement({
    ...asUser(options),
    change: ({ stored }) => {
      const agreement = stored.agreement;
      const party = partiesNow(agreement).find((candidate) => candidate.agencyId === agencyId);
      if (!party) throw new AppError('not_found', 'That agency is not a party to this agreement.');
      if (user.role !== 'admin' && !user.agencies.includes(agencyId)) {
        throw new AppError('forbidden', `Only ${party.agencyName}'s own editors, or an admin, record how it publishes the agreement.`);
      }
      if (agreement.status !== 'in_force') {
        throw new AppError('illegal_transition', `Publication is recorded for an agreement in force; this one is ${agreement.status.replace('_', ' ')}.`);
      }
      const publication = {
        mode: options.publication.mode,
        where: options.publication.where?.trim() || null,
        reason: options.publication.reason?.trim() || null,
        recordedAt: options.now.toISOString(),
        recordedBy: user.email,
      };
      return {
        agreement: { ...agreement, parties: agreement.parties.map((candidate) => (candidate.agencyId === agencyId ? { ...candidate, publication } : candidate)) },
        actor: userActor(user),
        events: [{ type: 'publication_recorded', data: { agencyId, mode: publication.mode, where: publication.where, reason: publication.reason } }],
      };
    },
  });
  return result!.agreement;
};
