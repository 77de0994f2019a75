import { monotonicFactory } from 'ulid';
import { config } from '../../shared/config';
import { createAgencyRepository } from '../../shared/db/agency-repository';
import { createAgreementRepository } from '../../shared/db/agreement-repository';
import { createDocumentClient } from '../../shared/db/client';
import { createIdempotencyStore } from '../../shared/db/idempotency-store';
import { createDocumentIndex, createSigningRequestRepository } from '../../shared/db/signing-request-repository';
import { loadLinkSigner } from '../../shared/link-signer';
import { createAuthenticator } from '../../shared/http/auth';

/** Built once per cold start and shared by every request the function serves. */
const table = {
  client: createDocumentClient({ region: config.region, endpoint: config.dynamoDbEndpoint }),
  tableName: config.tableName,
};

export const agencies = createAgencyRepository(table);
export const agreements = createAgreementRepository(table);
export const signingRequests = createSigningRequestRepository(table);
export const idempotencyStore = createIdempotencyStore({ region: config.region, endpoint: config.dynamoDbEndpoint, tableName: config.tableName });
export const documents = createDocumentIndex(table);
export const authenticate = createAuthenticator(config.auth);
/** Resolved on first use, so a cold start that serves no lifecycle action does not fetch the key. */
let linkSignerPromise: ReturnType<typeof loadLinkSigner> | undefined;
export const linkSigner = () => (linkSignerPromise ??= loadLinkSigner(config.signingKey));
/** Monotonic, so ids made in the same millisecond still sort in the order they were made. */
export const newId = monotonicFactory();
