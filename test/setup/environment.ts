import '../../shared/schemas/zod-settings';
import { TEST_ISSUER, TEST_JWKS } from '../fixtures/auth';
import { createLocalSealKey } from '../../shared/document/seal-signers';

const sealKey = await createLocalSealKey('Accord executed copies (test)');

// What a deployed function gets from its stack; set before any handler module reads it.
Object.assign(process.env, {
  TABLE_NAME: process.env.TABLE_NAME ?? 'accord-unit',
  AWS_REGION: 'eu-west-2',
  PUBLIC_BASE_URL: 'http://localhost:3000',
  LOCAL_AUTH_ISSUER: TEST_ISSUER,
  LOCAL_AUTH_JWKS: TEST_JWKS,
  SIGNING_KEYS: JSON.stringify({ currentKeyId: 'test-1', 'test-1': 'dGVzdC1zaWduaW5nLWtleS10aGF0LWlzLWxvbmctZW5vdWdoLTMyYg' }),
  MAIL_FROM: 'Accord <accord@accord.test>',
  WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: 'true',
  DOCUMENTS_BUCKET: 'accord-documents',
  SEAL_KEY: JSON.stringify(sealKey),
  POWERTOOLS_LOG_LEVEL: 'CRITICAL',
  POWERTOOLS_TRACE_ENABLED: 'false',
  POWERTOOLS_METRICS_DISABLED: 'true',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
});
