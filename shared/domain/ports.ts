import { AppError } from '../errors';
import type { TAgency } from '../schemas/agency';
import type { TAgreement, TAgreementStatus, TAgreementSummary } from '../schemas/agreement';
import type { TAuditEvent } from '../schemas/audit-event';
import type { TAuditHead } from './audit/audit-chain';

/** The stores the domain depends on; `shared/db` implements them on DynamoDB. */
export type TAgencyStore = {
  get(id: string): Promise<TAgency | undefined>;
  getMany(ids: string[]): Promise<Map<string, TAgency>>;
  /** Fails with `conflict` when the id is taken. */
  create(agency: TAgency): Promise<void>;
  list(): Promise<TAgency[]>;
};

export type TStoredAgreement = { agreement: TAgreement; auditHead: TAuditHead };

/** One atomic write: the agreement's new state with the audit events that explain it. */
export type TAgreementWrite = { agreement: TAgreement; auditHead: TAuditHead; events: TAuditEvent[] };

export type TListQuery = {
  /** Agencies whose agreements to list, or `all` (admins). */
  scopes: 'all' | string[];
  status?: TAgreementStatus;
  reviewDueBefore?: string;
  q?: string;
  cursor?: string;
  limit: number;
};

export type TAgreementPage = { items: TAgreementSummary[]; nextCursor: string | null };

export type TAgreementStore = {
  get(id: string): Promise<TStoredAgreement | undefined>;
  /** Takes the year's next reference sequence number and writes the draft built with it, atomically. */
  createWithNextReference(year: number, build: (sequence: number) => TAgreementWrite): Promise<TAgreement>;
  /** Writes only if the stored revision is still `previous`'s; otherwise `ConcurrentWriteError`. */
  update(write: TAgreementWrite, previous: TStoredAgreement): Promise<void>;
  list(query: TListQuery): Promise<TAgreementPage>;
  listEvents(agreementId: string): Promise<TAuditEvent[]>;
};

/** The agreement changed between read and write. */
export class ConcurrentWriteError extends AppError {
  constructor() {
    super('conflict', 'The agreement changed while this request was being handled; reload and try again.');
  }
}
