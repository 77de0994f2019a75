import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { monotonicFactory } from 'ulid';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAgreementRepository } from '../../../shared/db/agreement-repository';
import { createDraft } from '../../../shared/domain/agreement/create-draft';
import { inMemoryAgencies } from '../../fixtures/in-memory-stores';

const dynamo = mockClient(DynamoDBDocumentClient);
const conflict = Object.assign(new Error('Transaction cancelled'), {
  name: 'TransactionCanceledException',
  CancellationReasons: [{ Code: 'TransactionConflict' }, { Code: 'None' }],
});

describe('the reference counter under concurrent creates', () => {
  beforeEach(() => dynamo.reset());

  it('retries a draft whose counter write met another transaction, instead of failing it', async () => {
    dynamo.on(GetCommand).resolves({ Item: { PK: 'COUNTER#REFERENCE#2026', SK: 'COUNTER', value: 6 } });
    dynamo.on(TransactWriteCommand).rejectsOnce(conflict).resolves({});
    const agreements = createAgreementRepository({ client: DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-2' })), tableName: 'accord' });
    const draft = await createDraft({
      input: { title: 'Concurrent' },
      user: { email: 'drafter@fire.test', role: 'admin', agencies: [] },
      now: new Date('2026-06-01T09:00:00Z'),
      newId: monotonicFactory(),
      agencies: inMemoryAgencies([]),
      agreements,
    });
    expect(draft.reference).toBe('CA-2026-0007');
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(2);
  });
});
