import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { ensureTable } from '../../infra/local/dynamodb-local';

// A fresh table per test file keeps files independent while they share one emulator.
const tableName = `accord-${randomUUID()}`;
process.env.TABLE_NAME = tableName;
process.env.DYNAMODB_ENDPOINT = inject('dynamoEndpoint');
await ensureTable(process.env.DYNAMODB_ENDPOINT, tableName);
