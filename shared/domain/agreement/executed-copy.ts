import { AppError } from '../../errors';
import { hasBeenInForce, type TAgreement } from '../../schemas/agreement';
import type { TAuditEvent } from '../../schemas/audit-event';
import { findBrokenLink, sha256Hex } from '../audit/audit-chain';
import type { TAgreementStore, TFileStore } from '../ports';
import type { TUser } from '../user';
import { assertAccess } from './access';
import { byId, changeAgreement } from './change-agreement';

/** Everything the executed copy sets out: what was agreed, who signed it, and the trail that proves it. */
export type TExecutedCopyContent = {
  agreement: TAgreement;
  events: TAuditEvent[];
  chainIntact: boolean;
  generatedAt: string;
};

/** Renders the content as a PDF and seals it; the heavy part, kept out of the domain and off the request path. */
export type TMakeExecutedCopy = (content: TExecutedCopyContent) => Promise<Uint8Array>;

/** Named by its hash too: a seal repeated by a redelivered event writes beside the first, never over the copy recorded. */
export const executedCopyObjectKey = (agreementId: string, sha256: string) => `executed/${agreementId}/${sha256}.pdf`;

const fileNameOf = (agreement: TAgreement) => `${agreement.reference}-v${agreement.version}-executed.pdf`;

/**
 * Makes the executed copy of a version that has come into force, once: renders and seals it,
 * stores it, and records its hash on the agreement (and in the index `/verify` reads) with an
 * audit event. A repeat (the stream delivering the same event twice) finds it made and does nothing.
 */
export const sealExecutedCopy = async (options: {
  agreementId: string;
  now: Date;
  newId: () => string;
  agreements: TAgreementStore;
  files: TFileStore;
  make: TMakeExecutedCopy;
}): Promise<'sealed' | 'not_due'> => {
  const stored = await options.agreements.get(options.agreementId);
  // A version superseded or ended before its copy was sealed still gets it.
  if (!stored || !hasBeenInForce(stored.agreement.status) || stored.agreement.executedCopy) return 'not_due';
  const events = await options.agreements.listEvents(options.agreementId);
  const bytes = await options.make({ agreement: stored.agreement, events, chainIntact: findBrokenLink(events) === null, generatedAt: options.now.toISOString() });
  const sha256 = sha256Hex(bytes);
  const objectKey = executedCopyObjectKey(options.agreementId, sha256);
  await options.files.write(objectKey, bytes, 'application/pdf');
  const result = await changeAgreement({
    agreements: options.agreements,
    now: options.now,
    newId: options.newId,
    onConflict: 'retry',
    load: byId(options.agreements, options.agreementId),
    change: ({ stored: current }) =>
      current.agreement.executedCopy
        ? null
        : {
            agreement: { ...current.agreement, executedCopy: { sha256, size: bytes.length, sealedAt: options.now.toISOString(), objectKey } },
            actor: { kind: 'system' },
            events: [{ type: 'executed_copy_sealed', data: { sha256, size: bytes.length } }],
            indexDocument: true,
          },
  });
  return result ? 'sealed' : 'not_due';
};

/** The executed copy's bytes for a legal-team user who may see the agreement. */
export const readExecutedCopy = async (options: { id: string; user: TUser; agreements: TAgreementStore; files: TFileStore }): Promise<{ bytes: Uint8Array; fileName: string }> => {
  const agreement = assertAccess(options.user, (await options.agreements.get(options.id))?.agreement, 'viewer');
  if (!agreement.executedCopy) {
    throw new AppError('not_found', hasBeenInForce(agreement.status) ? 'The executed copy is still being sealed; try again in a minute.' : 'Only a version that came into force has an executed copy.');
  }
  const bytes = await options.files.read(agreement.executedCopy.objectKey);
  if (!bytes) throw new AppError('not_found', 'The executed copy is not in the store.');
  return { bytes, fileName: fileNameOf(agreement) };
};

/** The executed copy for whoever holds a party's link to it: a download URL for minutes, or undefined while it is being sealed. */
export const executedCopyDownload = async (options: { agreementId: string; agreements: TAgreementStore; files: TFileStore; expiresInSeconds: number }) => {
  const stored = await options.agreements.get(options.agreementId);
  if (!stored) throw new AppError('not_found', 'There is no such agreement.');
  const copy = stored.agreement.executedCopy;
  if (!copy) return { agreement: stored.agreement, url: undefined };
  return {
    agreement: stored.agreement,
    url: await options.files.downloadUrl({ key: copy.objectKey, name: fileNameOf(stored.agreement), contentType: 'application/pdf' }, options.expiresInSeconds),
  };
};
