import { AppError } from '../../errors';
import type { TAgreement, TAgreementSummary, TListAgreementsQuery } from '../../schemas/agreement';
import type { TAuditEvent } from '../../schemas/audit-event';
import type { TAgreementPage, TAgreementStore } from '../ports';
import type { TUser } from '../user';
import { assertAccess } from './access';

export const DEFAULT_PAGE_SIZE = 25;

export const getAgreement = async (options: { id: string; user: TUser; agreements: TAgreementStore }): Promise<TAgreement> =>
  assertAccess(options.user, (await options.agreements.get(options.id))?.agreement, 'viewer');

export const listAuditEvents = async (options: {
  id: string;
  user: TUser;
  agreements: TAgreementStore;
}): Promise<TAuditEvent[]> => {
  await getAgreement(options);
  return options.agreements.listEvents(options.id);
};

/**
 * Lists what the user may see: an admin everything, anyone else the agreements of their agencies.
 * An `agency` filter narrows that to one agency the user belongs to.
 */
export const listAgreements = async (options: {
  query: TListAgreementsQuery;
  user: TUser;
  agreements: TAgreementStore;
}): Promise<TAgreementPage> => {
  const { query, user } = options;
  if (query.agency && user.role !== 'admin' && !user.agencies.includes(query.agency)) {
    throw new AppError('forbidden', 'You can only list the agreements of your own agencies.');
  }
  const scopes = query.agency ? [query.agency] : user.role === 'admin' ? 'all' : user.agencies;
  if (scopes !== 'all' && scopes.length === 0) return { items: [], nextCursor: null };
  return options.agreements.list({
    scopes,
    status: query.status,
    legalBasis: query.legalBasis,
    oldestFirst: query.sort === 'oldest',
    reviewDueBefore: query.reviewDueBefore,
    q: query.q?.toLowerCase(),
    cursor: query.cursor,
    limit: query.limit ?? DEFAULT_PAGE_SIZE,
  });
};

/** The largest page the store gives: whole lists are read a page of this at a time. */
const LARGEST_PAGE = 100;

/** Every agreement a list query gives, page after page, up to `most` (a request must end in time). */
export const listEveryAgreement = async (options: { query: TListAgreementsQuery; user: TUser; agreements: TAgreementStore; most: number }): Promise<TAgreementSummary[]> => {
  const rows: TAgreementSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await listAgreements({ ...options, query: { ...options.query, limit: LARGEST_PAGE, ...(cursor ? { cursor } : {}) } });
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && rows.length < options.most);
  return rows;
};
