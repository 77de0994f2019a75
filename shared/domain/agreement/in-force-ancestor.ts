import type { TAgreementStore, TStoredAgreement } from '../ports';

/** Versions of one reference are few; a longer chain is a broken one. */
const MAX_VERSIONS_BACK = 100;

/**
 * The version in force that a new version would replace: its nearest ancestor that is in force,
 * however many withdrawn or declined versions lie between (a variation withdrawn and revised is
 * still a variation of the agreement in force). None for a first agreement or one never signed.
 */
export const inForceAncestor = async (agreements: TAgreementStore, supersedes: string | null): Promise<TStoredAgreement | undefined> => {
  let id = supersedes;
  for (let step = 0; id && step < MAX_VERSIONS_BACK; step += 1) {
    const stored = await agreements.get(id);
    if (!stored) return undefined;
    if (stored.agreement.status === 'in_force') return stored;
    // Only attempts that never took effect lie between a draft and the version it varies.
    if (stored.agreement.status !== 'withdrawn' && stored.agreement.status !== 'declined') return undefined;
    id = stored.agreement.supersedes;
  }
  return undefined;
};
