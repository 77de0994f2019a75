/**
 * `npm run export-agency -- <agency-id>`: writes everything Accord holds about one agency to
 * standard output as JSON (records management, subject-access requests). With `TABLE_NAME` and
 * no `DYNAMODB_ENDPOINT` it reads that table in `AWS_REGION` with the usual AWS credentials;
 * otherwise the local stack's (DynamoDB Local on `DYNAMODB_PORT`, 8000 by default).
 */
import { createAgencyRepository } from '../shared/db/agency-repository';
import { createAgreementRepository } from '../shared/db/agreement-repository';
import { createDocumentClient } from '../shared/db/client';
import { exportAgency } from '../shared/records/export-agency';

const agencyId = process.argv[2];
if (!agencyId) {
  console.error('Usage: npm run export-agency -- <agency-id>');
  process.exit(2);
}
// The deployed table when TABLE_NAME is given without an endpoint; otherwise the local stack's.
const local = !process.env.TABLE_NAME || process.env.DYNAMODB_ENDPOINT !== undefined;
const endpoint = local ? (process.env.DYNAMODB_ENDPOINT ?? `http://localhost:${process.env.DYNAMODB_PORT ?? 8000}`) : undefined;
const table = { client: createDocumentClient({ region: process.env.AWS_REGION ?? 'eu-west-2', endpoint }), tableName: process.env.TABLE_NAME ?? 'accord' };
const exported = await exportAgency({ agencies: createAgencyRepository(table), agreements: createAgreementRepository(table) }, agencyId);
process.stdout.write(`${JSON.stringify(exported, null, 2)}\n`);
