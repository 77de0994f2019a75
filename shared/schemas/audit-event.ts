import * as z from 'zod/mini';
import { documented } from './documented';
import { ZUlid } from './common';
import { deferred } from './deferred';

export const ZActor = deferred(() =>
  z.object({
    kind: z.enum(['user', 'signatory', 'system']),
    email: z.optional(z.string()),
    name: z.optional(z.string()),
  }),
);
export type TActor = z.infer<typeof ZActor>;

export const ZAuditEvent = deferred(() =>
  documented(
    z.object({
      id: ZUlid,
      agreementId: ZUlid,
      seq: z.int().check(z.gte(1)),
      type: z.string(),
      at: z.string(),
      actor: ZActor,
      data: z.record(z.string(), z.unknown()),
      personal: documented(z.optional(z.record(z.string(), z.string())), {
        description:
          'Personal data kept as evidence (IP address, user agent). Not covered by `hash`, which covers its SHA-256 (`data.personalSha256`) instead, so it can be removed after the retention period without breaking the chain',
      }),
      prevHash: documented(z.nullable(z.string()), { description: "The previous event's hash; null for the first" }),
      hash: documented(z.string(), { description: 'Hex SHA-256 of the RFC 8785 canonical JSON of every other field but `personal`' }),
    }),
    { id: 'AuditEvent' },
  ),
);
export type TAuditEvent = z.infer<typeof ZAuditEvent>;

export const ZAuditEventList = deferred(() => documented(z.object({ items: z.array(ZAuditEvent) }), { id: 'AuditEventList' }));

/** An event of an agency's own trail: who changed its authorised signatories or contacts, and to what. */
export const ZAgencyEvent = deferred(() => documented(z.extend(z.omit(ZAuditEvent, { agreementId: true }), { agencyId: z.string() }), { id: 'AgencyEvent' }));
export type TAgencyEvent = z.infer<typeof ZAgencyEvent>;

export const ZAgencyEventList = deferred(() => documented(z.object({ items: z.array(ZAgencyEvent) }), { id: 'AgencyEventList' }));

/** An event of a collaboration proposal's own trail. */
export const ZProposalEvent = deferred(() =>
  documented(z.extend(z.omit(ZAuditEvent, { agreementId: true }), { proposalId: z.string() }), { id: 'ProposalEvent' }),
);
export type TProposalEvent = z.infer<typeof ZProposalEvent>;

export const ZProposalEventList = deferred(() => documented(z.object({ items: z.array(ZProposalEvent) }), { id: 'ProposalEventList' }));
