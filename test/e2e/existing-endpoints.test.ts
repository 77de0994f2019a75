import type { AddressInfo } from 'node:net';
import sesLocal from 'aws-ses-v2-local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { TABLE_NAME } from '../../infra/local/local-stack';
import { startLocalStackOnFreePorts } from '../fixtures/local-stack';
import { createDocumentClient } from '../../shared/db/client';
import { DUE_OUTBOX, dueWorkPartitions, outboxKey } from '../../shared/db/keys';
import { createOutboxRepository } from '../../shared/db/outbox-repository';
import { TABLE_DEFINITION } from '../../shared/db/table-definition';
import { authoriseParties, partiesOf } from '../fixtures/agencies';
import { createMailbox } from '../fixtures/outbox';
import { stackClient } from '../fixtures/contract';
import { must } from '../../client/accord-client';

/** Polls (bounded) until `ready` holds. */
const waitFor = async (ready: () => Promise<boolean>, what: string) => {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (await ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Timed out waiting for ${what}`);
};

// aws-ses-v2-local is CommonJS with an ES-style default export.
const startSesServer = ((sesLocal as unknown as { default?: typeof sesLocal }).default ?? sesLocal) as typeof sesLocal;

/** `SES_ENDPOINT` points the local stack at a mailbox someone else runs (a test that stops and starts it, say). */
describe('the local stack with an SES endpoint of its own choosing', () => {
  let ses: Awaited<ReturnType<typeof startSesServer>>;
  let stack: Awaited<ReturnType<typeof startLocalStackOnFreePorts>>;

  beforeAll(async () => {
    ses = await startSesServer({ host: '127.0.0.1', port: 0 });
    stack = await startLocalStackOnFreePorts('endpoints', { SES_ENDPOINT: `http://127.0.0.1:${(ses.address() as AddressInfo).port}` });
  });

  afterAll(async () => {
    await stack?.stop();
    await new Promise<void>((done) => ses.close(() => done()));
  });

  let client: Awaited<ReturnType<typeof stackClient>>;
  /** The local stack's own routes (the scheduled sweep) are not part of the API. */
  const sweepOutbox = async (time: string) =>
    (await (await fetch(`${stack.url}/_local/scheduled/outbox`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ time }) })).json()) as Record<string, number>;
  /** Drafts an agreement between the two agencies, signed for by these addresses, and sends it for signature. */
  const submitted = async (title: string, emails: [string, string]) => {
    const created = await must(
      client.api.POST('/agreements', {
        body: {
          title,
          body: 'Text.',
          withdrawalTerms: 'Notice.',
          parties: partiesOf([
            { agencyId: 'warwickshire-fire', email: emails[0] },
            { agencyId: 'west-midlands-ambulance', email: emails[1] },
          ]),
        },
      }),
    );
    await authoriseParties(client.call, created.parties);
    return must(client.api.POST('/agreements/{id}/submit', { params: { path: { id: created.id } } }));
  };

  it('starts no mailbox of its own and sends its emails to that endpoint', async () => {
    expect(stack.sesUrl).toBe(`http://127.0.0.1:${(ses.address() as AddressInfo).port}`);
    client = await stackClient(stack.url);
    await client.signIn({ email: 'admin@accord.test', role: 'admin' });
    await must(client.api.POST('/agencies', { body: { id: 'warwickshire-fire', name: 'Warwickshire Fire and Rescue', type: 'fire_and_rescue_authority' } }));
    await must(client.api.POST('/agencies', { body: { id: 'west-midlands-ambulance', name: 'West Midlands Ambulance Service', type: 'ambulance_trust' } }));
    expect((await submitted('Elsewhere', ['cfo@fire.elsewhere.test', 'ceo@wmas.elsewhere.test'])).status).toBe('awaiting_signatures');
    expect(await createMailbox(() => stack.sesUrl).linkFor('cfo@fire.elsewhere.test')).toMatch(/^\/sign\/[\w-]{43}$/);
  });

  it('keeps every email through a mail outage and delivers each once when the mailbox is back', async () => {
    const port = (ses.address() as AddressInfo).port;
    await new Promise<void>((done) => {
      ses.close(() => done());
      ses.closeAllConnections();
    });
    const signers: [string, string] = ['cfo@fire.outage.test', 'ceo@wmas.outage.test'];
    const agreement = await submitted('During the outage', signers);
    expect(agreement.status).toBe('awaiting_signatures');
    // The sender tried, could not reach the mailbox, and recorded a retry for each signatory.
    await waitFor(async () => (await retryingDeliveries(agreement.id)) >= signers.length, 'the deliveries to be deferred');

    ses = await startSesServer({ host: '127.0.0.1', port });
    const later = new Date(Date.now() + 2 * 60_000).toISOString();
    const swept = await sweepOutbox(later);
    expect(swept).toMatchObject({ deferred: 0, failed: 0 });
    expect(swept.sent).toBeGreaterThanOrEqual(signers.length);
    // A second sweep finds nothing left to send.
    expect(await sweepOutbox(later)).toMatchObject({ sent: 0 });
    const mailbox = createMailbox(() => stack.sesUrl);
    for (const signer of signers) {
      await mailbox.linkFor(signer);
      expect((await mailbox.to(signer)).filter((mail) => mail.subject.startsWith('Signature requested:'))).toHaveLength(1);
    }
    expect(await retryingDeliveries(agreement.id)).toBe(0);
  }, 120_000);

  /** Recipients of this agreement's outbox emails whose delivery waits for a retry, read from the table itself. */
  const retryingDeliveries = async (agreementId: string) => {
    const client = createDocumentClient({ region: 'eu-west-2', endpoint: stack.dynamoEndpoint });
    const due = await Promise.all(
      dueWorkPartitions(DUE_OUTBOX).map((partition) =>
        client.send(new QueryCommand({ TableName: TABLE_NAME, IndexName: TABLE_DEFINITION.indexes.dueWork.indexName, KeyConditionExpression: 'GSI4PK = :p', ExpressionAttributeValues: { ':p': partition } })),
      ),
    );
    const entries = await Promise.all(due.flatMap((page) => page.Items ?? []).map((item) => createOutboxRepository({ client, tableName: TABLE_NAME }).get(String(item.id))));
    const messages = entries.flatMap((entry) => (entry?.kind === 'email' && entry.message.agreementId === agreementId ? [entry.message] : []));
    const items = await Promise.all(messages.map((message) => client.send(new GetCommand({ TableName: TABLE_NAME, Key: outboxKey(message.id) }))));
    return items.flatMap((item) => Object.entries(item.Item ?? {}).filter(([name, value]) => name.startsWith('delivery_') && (value as { state: string }).state === 'retrying')).length;
  };

});
