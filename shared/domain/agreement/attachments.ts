import { AppError } from '../../errors';
import type { TAgreement } from '../../schemas/agreement';
import { ATTACHMENT_REFUSALS, MAX_ATTACHMENTS, type TAddAttachmentRequest, type TAttachment, type TAttachmentRefusal } from '../../schemas/attachment';
import type { TAgreementStore } from '../ports';
import type { TUser } from '../user';
import { assertCanPerform } from './lifecycle';
import { asUser, changeAgreement, userActor } from './change-agreement';
import { assertAccess, assertRole } from './access';

/** An upload URL works this long: enough for 25 MB on a slow line, short enough not to linger. */
export const UPLOAD_WINDOW_SECONDS = 15 * 60;
/** A download link, once handed out, works for minutes only: the signing link or the sign-in, not the download, grants access. */
export const DOWNLOAD_WINDOW_SECONDS = 5 * 60;
const uploadExpiry = (now: Date) => new Date(now.getTime() + UPLOAD_WINDOW_SECONDS * 1000).toISOString();

/** Where uploads land in the documents bucket: only objects under it are checked as uploads. */
export const ATTACHMENTS_PREFIX = 'attachments/';
/** Where a version's uploaded files live; a later version made from it points at the same objects. */
export const attachmentObjectKey = (agreementId: string, attachmentId: string) => `${ATTACHMENTS_PREFIX}${agreementId}/${attachmentId}`;
/** The version and attachment an uploaded object belongs to, or undefined for a key that is not an upload. */
export const attachmentOfObjectKey = (key: string) => {
  const match = /^attachments\/([0-9A-HJKMNP-TV-Z]{26})\/([0-9A-HJKMNP-TV-Z]{26})$/.exec(key);
  return match ? { agreementId: match[1]!, attachmentId: match[2]! } : undefined;
};

/** An agreement signed outside Accord and imported: every signature attested, none made here. */
const wasImported = (agreement: TAgreement) => agreement.parties.every((party) => party.signatories.every((signatory) => signatory.evidence?.imported));

/** Which files this user may add or take off now: a draft's editors any; an admin an imported agreement's signed copy, until it is stored. */
export const fileChangesAllowed = (agreement: TAgreement, user: TUser) => {
  const draft = agreement.status === 'draft' && user.role !== 'viewer';
  const importer = user.role === 'admin' && agreement.status !== 'draft' && wasImported(agreement);
  return {
    add: draft || (importer && !agreement.attachments.some((file) => file.signedCopy && file.status !== 'refused')),
    remove: (file: TAttachment) => draft || (importer && file.signedCopy && file.status !== 'available'),
  };
};

/**
 * What a new file is to this version: a draft's file, or the signed copy of an imported agreement
 * (an admin's, once, with the hash the import recorded as its document hash). Anything else is refused.
 */
const kindOfNewFile = (agreement: TAgreement, request: TAddAttachmentRequest, user: TUser): { signedCopy: boolean } => {
  if (agreement.status === 'draft') return { signedCopy: false };
  if (!wasImported(agreement)) {
    assertCanPerform(agreement.status, 'edit');
  }
  assertRole(user, 'admin', 'Only an admin attaches the signed copy of an imported agreement.');
  if (request.sha256 !== agreement.documentSha256) {
    throw new AppError('unprocessable', 'The signed copy must be the file the import recorded.', [
      { path: 'sha256', message: 'must be the signed copy’s SHA-256 given at import (signedCopySha256), which is the document hash' },
    ]);
  }
  if (agreement.attachments.some((file) => file.signedCopy && file.status !== 'refused')) {
    throw new AppError('conflict', 'This agreement already has its signed copy.');
  }
  return { signedCopy: true };
};

const fileOf = (agreement: TAgreement, attachmentId: string): TAttachment => {
  const file = agreement.attachments.find((candidate) => candidate.id === attachmentId);
  if (!file) throw new AppError('not_found', 'This agreement has no such attachment.');
  return file;
};

/**
 * Declares a file on a draft: it shows as `pending` until its bytes arrive and are checked. At most
 * `MAX_ATTACHMENTS` a version, counting those still pending.
 */
export const addAttachment = async (options: {
  id: string;
  request: TAddAttachmentRequest;
  user: TUser;
  ifMatch?: string | undefined;
  now: Date;
  newId: () => string;
  agreements: TAgreementStore;
}): Promise<{ agreement: TAgreement; attachment: TAttachment }> => {
  const attachmentId = options.newId();
  const result = await changeAgreement({
    ...asUser(options),
    change: ({ stored }) => {
      const draft = stored.agreement;
      const { signedCopy } = kindOfNewFile(draft, options.request, options.user);
      const held = draft.attachments.filter((file) => file.status !== 'refused');
      if (held.length >= MAX_ATTACHMENTS) {
        throw new AppError('unprocessable', `A version may carry at most ${MAX_ATTACHMENTS} files; delete one first.`, [
          { path: 'attachments', message: `at most ${MAX_ATTACHMENTS} files` },
        ]);
      }
      const attachment: TAttachment = {
        id: attachmentId,
        ...options.request,
        status: 'pending',
        refusal: null,
        signedCopy,
        addedBy: options.user.email,
        addedAt: options.now.toISOString(),
        uploadExpiresAt: uploadExpiry(options.now),
        objectKey: attachmentObjectKey(draft.id, attachmentId),
      };
      return {
        agreement: { ...draft, attachments: [...draft.attachments, attachment] },
        actor: userActor(options.user),
        events: [{ type: 'attachment_added', data: { attachmentId, name: attachment.name, contentType: attachment.contentType, size: attachment.size, sha256: attachment.sha256, signedCopy } }],
        outcome: attachment,
      };
    },
  });
  return { agreement: result!.agreement, attachment: result!.outcome! };
};

/** A legal-team user's action on one file of an agreement. */
type TFileAction = { id: string; attachmentId: string; user: TUser; ifMatch?: string | undefined; now: Date; newId: () => string; agreements: TAgreementStore };

/**
 * Who may change a file not yet stored, or take one off: a draft's editors; for an imported
 * agreement's signed copy, an admin, until it is stored (then it is evidence and stays).
 */
const assertMayChangeFile = (agreement: TAgreement, file: TAttachment, user: TUser) => {
  if (file.signedCopy && file.status !== 'available') assertRole(user, 'admin', 'Only an admin attaches the signed copy of an imported agreement.');
  else assertCanPerform(agreement.status, 'edit');
};

/**
 * Takes a file off a draft. Resolves to the stored object to delete: only one this version
 * uploaded, never one a version it was made from still holds.
 */
export const removeAttachment = async (options: TFileAction): Promise<{ agreement: TAgreement; objectToDelete: string | null }> => {
  const result = await changeAgreement({
    ...asUser(options),
    change: ({ stored }) => {
      const draft = stored.agreement;
      const file = fileOf(draft, options.attachmentId);
      assertMayChangeFile(draft, file, options.user);
      return {
        agreement: { ...draft, attachments: draft.attachments.filter((candidate) => candidate.id !== file.id) },
        actor: userActor(options.user),
        events: [{ type: 'attachment_removed', data: { attachmentId: file.id, name: file.name, sha256: file.sha256 } }],
        outcome: file.objectKey === attachmentObjectKey(draft.id, file.id) ? file.objectKey : null,
      };
    },
  });
  return { agreement: result!.agreement, objectToDelete: result!.outcome ?? null };
};

/**
 * A new upload for a file not stored yet (its URL expired unused, or S3 or the check refused the
 * bytes sent): it is pending again, for the same declared size, type and SHA-256.
 */
export const reopenUpload = async (options: TFileAction): Promise<TAttachment> => {
  const result = await changeAgreement({
    ...asUser(options),
    change: ({ stored }) => {
      const agreement = stored.agreement;
      const file = fileOf(agreement, options.attachmentId);
      if (file.status === 'available') throw new AppError('conflict', `${file.name} is stored already.`);
      assertMayChangeFile(agreement, file, options.user);
      const reopened: TAttachment = { ...file, status: 'pending', refusal: null, uploadExpiresAt: uploadExpiry(options.now) };
      return {
        agreement: { ...agreement, attachments: agreement.attachments.map((candidate) => (candidate.id === file.id ? reopened : candidate)) },
        actor: userActor(options.user),
        events: [{ type: 'attachment_upload_reopened', data: { attachmentId: file.id, previously: file.refusal ?? file.status } }],
        outcome: reopened,
      };
    },
  });
  return result!.outcome!;
};

/** A file a legal-team user may open: any attachment of an agreement they can see, once its bytes are checked. */
export const openableAttachment = async (options: { id: string; attachmentId: string; user: TUser; agreements: TAgreementStore }): Promise<TAttachment> => {
  const agreement = assertAccess(options.user, (await options.agreements.get(options.id))?.agreement, 'viewer');
  const file = fileOf(agreement, options.attachmentId);
  if (file.status !== 'available') throw new AppError('not_found', 'This attachment has not been stored.');
  return file;
};

/** What the check of an upload found: the file may be kept, or is refused with a reason. */
export type TUploadVerdict = { accepted: true } | { accepted: false; refusal: TAttachmentRefusal };

/**
 * Checks an uploaded object against the file declared for it and records the verdict: the version
 * is read once (again only if another write reaches it first), the bytes once, outside any retry.
 * Resolves to whether the object is to be kept: refused bytes, and bytes nobody is waiting for any
 * more (the file was taken off, the draft went for signature, a repeated upload of a file already
 * checked that no longer matches) are not kept half-stored. Undefined for a key that is not an upload.
 */
export const checkUpload = async (options: {
  objectKey: string;
  read: (objectKey: string) => Promise<Uint8Array | undefined>;
  inspect: (bytes: Uint8Array, declared: TAttachment) => Promise<TUploadVerdict>;
  now: Date;
  newId: () => string;
  agreements: TAgreementStore;
}): Promise<{ keep: boolean; verdict: TUploadVerdict } | undefined> => {
  const owner = attachmentOfObjectKey(options.objectKey);
  if (!owner) return undefined;
  const fileIn = (agreement: TAgreement | undefined) => agreement?.attachments.find((candidate) => candidate.id === owner.attachmentId);
  let loaded = await options.agreements.get(owner.agreementId);
  const declared = fileIn(loaded?.agreement);
  const bytes = declared ? await options.read(options.objectKey) : undefined;
  const verdict: TUploadVerdict = declared && bytes ? await options.inspect(bytes, declared) : { accepted: false, refusal: 'not_uploaded' };
  // The version as read above serves the first attempt; a retry reads it again.
  let first = loaded;
  const result = await changeAgreement({
    agreements: options.agreements,
    now: options.now,
    newId: options.newId,
    onConflict: 'retry',
    load: async () => {
      loaded = first ?? (await options.agreements.get(owner.agreementId));
      first = undefined;
      return loaded && { stored: loaded };
    },
    change: ({ stored }) => {
      const draft = stored.agreement;
      const file = fileIn(draft);
      if (!file || file.status !== 'pending' || (draft.status !== 'draft' && !file.signedCopy)) return null;
      const checked: TAttachment = verdict.accepted
        ? { ...file, status: 'available', uploadExpiresAt: null }
        : { ...file, status: 'refused', refusal: verdict.refusal, uploadExpiresAt: null };
      return {
        agreement: { ...draft, attachments: draft.attachments.map((candidate) => (candidate.id === file.id ? checked : candidate)) },
        actor: { kind: 'system' },
        events: [
          verdict.accepted
            ? { type: 'attachment_stored', data: { attachmentId: file.id, sha256: file.sha256 } }
            : { type: 'attachment_refused', data: { attachmentId: file.id, refusal: verdict.refusal, reason: ATTACHMENT_REFUSALS[verdict.refusal] } },
        ],
        outcome: verdict.accepted,
        // A signed copy is found by /verify as what it is from the moment it is stored.
        indexDocument: checked.signedCopy && checked.status === 'available',
      };
    },
  });
  if (result) return { keep: result.outcome === true, verdict };
  // Nothing changed: keep the bytes only if they pass and a checked file of the version points at them.
  return { keep: fileIn(loaded?.agreement)?.status === 'available' && verdict.accepted, verdict };
};

/** Files that stop a draft going for signature: each not uploaded, still being checked, or refused. */
export const attachmentRuleErrors = (agreement: TAgreement, now: Date) =>
  agreement.attachments.flatMap((file, index) => {
    if (file.status === 'available') return [];
    const lapsed = file.status === 'pending' && file.uploadExpiresAt !== null && file.uploadExpiresAt < now.toISOString();
    const message =
      file.status === 'refused'
        ? `${file.name} was refused (${ATTACHMENT_REFUSALS[file.refusal ?? 'not_uploaded']}); delete it or upload it again`
        : lapsed
          ? `${file.name} was not uploaded before its upload URL expired; ask for a new one or delete it`
          : `${file.name} has not arrived or is still being checked`;
    return [{ path: `attachments.${index}`, message }];
  });
