import { findBrokenLink } from '../domain/audit/audit-chain';
import type { TAgencyStore, TAgreementStore } from '../domain/ports';
import type { TAgency } from '../schemas/agency';
import type { TAgreement } from '../schemas/agreement';
import type { TAgencyEvent, TAuditEvent } from '../schemas/audit-event';

/** Everything Accord holds about one agency, for records management and subject-access requests. */
export type TAgencyExport = {
  exportedAt: string;
  agency: TAgency;
  agencyEvents: TAgencyEvent[];
  /**
   * Every version of every agreement the agency drafted or is a party to, with its whole audit
   * trail and whether that trail's hash chain is unbroken (the first broken event's number if not).
   */
  agreements: { agreement: TAgreement; events: TAuditEvent[]; brokenAt: number | null }[];
};

const PAGE = 100;

/**
 * Reads one agency's records through the same stores the functions use: the agency and its
 * trail, then its agreements page by page from its own list (one Query a page) and each in full.
 */
export const exportAgency = async (stores: { agencies: TAgencyStore; agreements: TAgreementStore }, agencyId: string, now = new Date()): Promise<TAgencyExport> => {
  const agency = await stores.agencies.get(agencyId);
  if (!agency) throw new Error(`No agency ${agencyId}`);
  const agreements: TAgencyExport['agreements'] = [];
  let cursor: string | undefined;
  do {
    const page = await stores.agreements.list({ scopes: [agencyId], limit: PAGE, cursor });
    for (const summary of page.items) {
      const [stored, events] = await Promise.all([stores.agreements.get(summary.id), stores.agreements.listEvents(summary.id)]);
      if (stored) agreements.push({ agreement: stored.agreement, events, brokenAt: findBrokenLink(events) });
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { exportedAt: now.toISOString(), agency, agencyEvents: await stores.agencies.listEvents(agencyId), agreements };
};
