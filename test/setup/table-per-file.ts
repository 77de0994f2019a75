import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import sesLocal from 'aws-ses-v2-local';
import { afterAll, inject } from 'vitest';
import { ensureTable } from '../../infra/local/dynamodb-local';

// aws-ses-v2-local is CommonJS with an ES-style default export.
const startSesServer = ((sesLocal as unknown as { default?: typeof sesLocal }).default ?? sesLocal) as typeof sesLocal;

// A fresh table and mailbox per test file keep files independent while they share one emulator.
const tableName = `accord-${randomUUID()}`;
process.env.TABLE_NAME = tableName;
process.env.DYNAMODB_ENDPOINT = inject('dynamoEndpoint');
process.env.S3_ENDPOINT = inject('s3Endpoint');
await ensureTable(process.env.DYNAMODB_ENDPOINT, tableName);

const ses = await startSesServer({ host: '127.0.0.1', port: 0 });
process.env.SES_ENDPOINT = `http://127.0.0.1:${(ses.address() as AddressInfo).port}`;
afterAll(() => new Promise<void>((resolve) => ses.close(() => resolve())));
