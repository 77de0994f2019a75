import * as z from 'zod';
import { ZUlid } from './common';
import { deferred } from './deferred';

export const ZActor = deferred(() =>
  z.object({
    kind: z.enum(['user', 'signatory', 'system']),
    email: z.string().optional(),
    name: z.string().optional(),
  }),
);
export type TActor = z.infer<typeof ZActor>;

export const ZAuditEvent = deferred(() =>
  z
    .object({
      id: ZUlid,
      agreementId: ZUlid,
      seq: z.int().min(1),
      type: z.string(),
      at: z.string(),
      actor: ZActor,
      data: z.record(z.string(), z.unknown()),
      personal: z
        .record(z.string(), z.string())
        .optional()
        .meta({
          description:
            'Personal data kept as evidence (IP address, user agent). Not covered by `hash`, which covers its SHA-256 (`data.personalSha256`) instead, so it can be removed after the retention period without breaking the chain',
        }),
      prevHash: z.string().nullable().meta({ description: "The previous event's hash; null for the first" }),
      hash: z.string().meta({ description: 'Hex SHA-256 of the RFC 8785 canonical JSON of every other field but `personal`' }),
    })
    .meta({ id: 'AuditEvent' }),
);
export type TAuditEvent = z.infer<typeof ZAuditEvent>;

export const ZAuditEventList = deferred(() => z.object({ items: z.array(ZAuditEvent) }).meta({ id: 'AuditEventList' }));

/** An event of an agency's own trail: who changed its authorised signatories or contacts, and to what. */
export const ZAgencyEvent = deferred(() =>
  ZAuditEvent.omit({ agreementId: true })
    .extend({ agencyId: z.string() })
    .meta({ id: 'AgencyEvent' }),
);
export type TAgencyEvent = z.infer<typeof ZAgencyEvent>;

export const ZAgencyEventList = deferred(() => z.object({ items: z.array(ZAgencyEvent) }).meta({ id: 'AgencyEventList' }));

/** An event of a collaboration proposal's own trail. */
export const ZProposalEvent = deferred(() =>
  ZAuditEvent.omit({ agreementId: true })
    .extend({ proposalId: z.string() })
    .meta({ id: 'ProposalEvent' }),
);
export type TProposalEvent = z.infer<typeof ZProposalEvent>;

export const ZProposalEventList = deferred(() => z.object({ items: z.array(ZProposalEvent) }).meta({ id: 'ProposalEventList' }));
