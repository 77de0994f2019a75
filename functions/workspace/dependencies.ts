import { monotonicFactory } from 'ulid';
import { config } from './config';
import { createAgencyRepository } from '../../shared/db/agency-repository';
import { createAgreementRepository } from '../../shared/db/agreement-repository';
import { createDocumentClient } from '../../shared/db/client';
import { createSessionRepository } from '../../shared/db/session-repository';
import { createAuthenticator } from '../../shared/http/auth';
import { loadLinkSigner } from '../../shared/link-signer';
import { createSessions } from './session';

/** Where the workspace is served. */
export const WORKSPACE_BASE = '/workspace';

/** Built once per cold start and shared by every request the function serves. */
const table = { client: createDocumentClient(config.table), tableName: config.table.name };

export const agencies = createAgencyRepository(table);
export const agreements = createAgreementRepository(table);
/** Read on first use, so a cold start that serves no lifecycle action does not fetch the keyring. */
export const linkSigner = loadLinkSigner(config.signingKeys);
export const newId = monotonicFactory();
export const sessions = createSessions({
  signIn: config.workspaceSignIn,
  publicBaseUrl: config.publicBaseUrl,
  base: WORKSPACE_BASE,
  sessions: createSessionRepository(table),
  verify: createAuthenticator(config.auth),
});
