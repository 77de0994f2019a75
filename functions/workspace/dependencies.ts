import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { monotonicFactory } from 'ulid';
import { config } from './config';
import { createAgencyRepository } from '../../shared/db/agency-repository';
import { createAgreementRepository } from '../../shared/db/agreement-repository';
import { createDocumentClient } from '../../shared/db/client';
import { createProposalRepository } from '../../shared/db/proposal-repository';
import { createSessionRepository } from '../../shared/db/session-repository';
import { createWebhookRepository } from '../../shared/db/webhook-repository';
import { createAuthenticator } from '../../shared/http/auth';
import { createCognitoUserDirectory } from '../../shared/identity/cognito-user-directory';
import { loadLinkSigner } from '../../shared/link-signer';
import { createS3FileStore } from '../../shared/storage/s3-file-store';
import { createDestinationCheck } from '../../shared/webhooks/destinations';
import { createSessions } from './session';

/** Where the workspace is served. */
export const WORKSPACE_BASE = '/app';

/** Built once per cold start and shared by every request the function serves. */
const table = { client: createDocumentClient(config.table), tableName: config.table.name };

export const agencies = createAgencyRepository(table);
export const agreements = createAgreementRepository(table);
export const directory = createCognitoUserDirectory(config.userDirectory);
/** The documents bucket: drafts' files and executed copies. */
export const files = createS3FileStore(config.documents);
/** Read on first use, so a cold start that serves no lifecycle action does not fetch the keyring. */
export const linkSigner = loadLinkSigner(config.signingKeys);
export const newId = monotonicFactory();
/** What each verb that sends signing links takes besides its own input. */
export const signingLinkDependencies = async () => ({ newId, agreements, agencies, linkSigner: await linkSigner() });
export const proposals = createProposalRepository(table);
export const webhooks = createWebhookRepository(table);
/** An endpoint's address is resolved as a delivery would resolve it, as the API does, so one that could never receive is refused at once. */
export const checkDestination = createDestinationCheck(config.webhookDestinations);

const { clientSecret } = config.workspaceSignIn;
/** Read from Secrets Manager on first sign-in or refresh, and kept for a few minutes. */
const readClientSecret = async () => {
  if (clientSecret.kind === 'inline') return clientSecret.value;
  const value = await getSecret<string>(clientSecret.secretArn, { maxAge: 300 });
  if (!value) throw new Error('The workspace client secret is empty.');
  return value;
};

export const sessions = createSessions({
  signIn: config.workspaceSignIn,
  publicBaseUrl: config.publicBaseUrl,
  base: WORKSPACE_BASE,
  sessions: createSessionRepository(table),
  verify: createAuthenticator(config.auth),
  clientSecret: readClientSecret,
});
