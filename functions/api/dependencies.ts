import { monotonicFactory } from 'ulid';
import { config } from './config';
import { createAgencyRepository } from '../../shared/db/agency-repository';
import { createAgreementRepository } from '../../shared/db/agreement-repository';
import { createDocumentClient } from '../../shared/db/client';
import { createDocumentIndex } from '../../shared/db/document-index';
import { createSigningRequestRepository } from '../../shared/db/signing-request-repository';
import { loadLinkSigner } from '../../shared/link-signer';
import { createAuthenticator } from '../../shared/http/auth';
import { createWebhookRepository } from '../../shared/db/webhook-repository';
import { createProposalRepository } from '../../shared/db/proposal-repository';
import { createDestinationCheck } from '../../shared/webhooks/destinations';
import { createS3FileStore } from '../../shared/storage/s3-file-store';

/** Built once per cold start and shared by every request the function serves. */
const table = {
  client: createDocumentClient(config.table),
  tableName: config.table.name,
};

export const agencies = createAgencyRepository(table);
export const agreements = createAgreementRepository(table);
export const signingRequests = createSigningRequestRepository(table);
export const documents = createDocumentIndex(table);
export const authenticate = createAuthenticator(config.auth);
/** Read on first use, so a cold start that serves no lifecycle action does not fetch the keyring. */
export const linkSigner = loadLinkSigner(config.signingKeys);
/** Monotonic, so ids made in the same millisecond still sort in the order they were made. */
export const newId = monotonicFactory();
/** What each verb that sends signing links takes besides its own input. */
export const signingLinkDependencies = async () => ({ newId, agreements, agencies, linkSigner: await linkSigner() });
export const webhooks = createWebhookRepository(table);
export const proposals = createProposalRepository(table);
/** Registration resolves the host as a delivery would, so an endpoint that could never receive is refused at once. */
export const checkDestination = createDestinationCheck(config.webhookDestinations);
/** The documents bucket: drafts' files and executed copies. */
export const files = createS3FileStore(config.documents);
