import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import middy from '@middy/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../shared/db/client';
import { observability } from '../../shared/observability';
import { daemonAddress, traceAwsClient } from '../../shared/xray-tracer';
import { startXRayDaemon, TRACE, traceHeader } from '../fixtures/xray-daemon';

const CONTEXT = { functionName: 'accord-test', awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678', getRemainingTimeInMillis: () => 30_000 };
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

let daemon: Awaited<ReturnType<typeof startXRayDaemon>>;
const saved = { ...process.env };
const client = createDocumentClient({ region: 'eu-west-2', endpoint: process.env.DYNAMODB_ENDPOINT });
const tableName = process.env.TABLE_NAME!;

const handler = middy(async (event: { fail?: 'call' | 'handler' }) => {
  await client.send(new GetCommand({ TableName: tableName, Key: { PK: 'TRACE#1', SK: 'TRACE' } }));
  if (event.fail === 'call')
    await client.send(new PutCommand({ TableName: tableName, Item: { PK: 'TRACE#1', SK: 'TRACE' }, ConditionExpression: 'attribute_exists(PK)' })).catch(() => undefined);
  if (event.fail === 'handler') throw new Error('agreement AGR-2026-0001 for someone@example.test');
  return { ok: true };
}).use(observability());

beforeAll(async () => {
  daemon = await startXRayDaemon();
  Object.assign(process.env, {
    POWERTOOLS_TRACE_ENABLED: 'true',
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
    AWS_XRAY_DAEMON_ADDRESS: daemon.address,
    _HANDLER: 'index.handler',
  });
});

beforeEach(() => {
  daemon.documents.length = 0;
});

afterAll(() => {
  daemon.stop();
  process.env = saved;
});

describe('X-Ray tracing, as the daemon beside a Lambda receives it', () => {
  it('sends a sampled invocation as a handler subsegment under the Lambda segment, with each DynamoDB call beneath it', async () => {
    process.env._X_AMZN_TRACE_ID = traceHeader(true);
    await handler({}, CONTEXT as never);
    await settle();
    expect(daemon.headers.every((header) => JSON.stringify(header) === '{"format":"json","version":1}')).toBe(true);
    const invocation = daemon.documents.find((document) => document.name === '## index.handler');
    expect(invocation).toMatchObject({ type: 'subsegment', trace_id: TRACE.root, parent_id: TRACE.lambdaSegment, annotations: { ColdStart: true, Service: 'accord' } });
    expect(invocation!.end_time).toBeGreaterThanOrEqual(invocation!.start_time);
    const call = daemon.documents.find((document) => document.namespace === 'aws');
    expect(call).toMatchObject({
      name: 'DynamoDB',
      type: 'subsegment',
      trace_id: TRACE.root,
      parent_id: invocation!.id,
      aws: { operation: 'GetItem', region: 'eu-west-2', table_name: tableName, retries: 0 },
      http: { response: { status: 200 } },
    });
    expect(call!.aws.request_id).toEqual(expect.any(String));
  });

  it('marks a refused call as a client error and a failed handler as a fault, naming the error’s type but never its message', async () => {
    process.env._X_AMZN_TRACE_ID = traceHeader(true);
    await handler({ fail: 'call' }, CONTEXT as never);
    await expect(handler({ fail: 'handler' }, CONTEXT as never)).rejects.toThrow();
    await settle();
    const refused = daemon.documents.find((document) => document.aws?.operation === 'PutItem');
    expect(refused).toMatchObject({ error: true, http: { response: { status: 400 } }, cause: { exceptions: [{ type: 'ConditionalCheckFailedException', remote: true }] } });
    expect(refused!.fault).toBeUndefined();
    const invocations = daemon.documents.filter((document) => document.name === '## index.handler');
    expect(invocations.map((document) => document.annotations.ColdStart)).toEqual([false, false]);
    const failed = invocations.find((document) => document.fault);
    expect(failed!.cause.exceptions).toEqual([{ id: expect.any(String), type: 'Error' }]);
    expect(JSON.stringify(daemon.documents)).not.toMatch(/someone@example\.test|AGR-2026-0001|TRACE#1/);
  });

  it('marks an invocation answered with a 4xx (a refused request) as the caller’s error, not a fault', async () => {
    const answering = middy(async () => {
      throw Object.assign(new Error('no such agreement'), { name: 'NotFound' });
    })
      .use(observability())
      .use({ onError: (request) => void (request.response = { statusCode: 404 }) });
    process.env._X_AMZN_TRACE_ID = traceHeader(true);
    expect(await answering({}, CONTEXT as never)).toEqual({ statusCode: 404 });
    await settle();
    const invocation = daemon.documents.find((document) => document.name === '## index.handler');
    expect(invocation).toMatchObject({ error: true, cause: { exceptions: [{ type: 'NotFound' }] } });
    expect(invocation!.fault).toBeUndefined();
  });

  it('lets the work succeed when the daemon’s address is malformed, and sends it nothing', async () => {
    process.env._X_AMZN_TRACE_ID = traceHeader(true);
    for (const malformed of ['udp:127.0.0.1', '127.0.0.1', 'localhost:port']) {
      process.env.AWS_XRAY_DAEMON_ADDRESS = malformed;
      expect(await handler({}, CONTEXT as never)).toEqual({ ok: true });
    }
    process.env.AWS_XRAY_DAEMON_ADDRESS = daemon.address;
    await settle();
    expect(daemon.documents).toEqual([]);
  });

  it('does not record making a presigned upload URL as an S3 call: nothing is sent to S3', async () => {
    const s3 = traceAwsClient(new S3Client({ region: 'eu-west-2', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } }));
    const presigning = middy(async () => getSignedUrl(s3, new PutObjectCommand({ Bucket: 'accord-documents', Key: 'attachments/a' }), { expiresIn: 900 })).use(observability());
    process.env._X_AMZN_TRACE_ID = traceHeader(true);
    expect(await presigning({}, CONTEXT as never)).toContain('X-Amz-Signature=');
    await settle();
    expect(daemon.documents.map((document) => document.name)).toEqual(['## index.handler']);
  });

  it('sends nothing for an invocation X-Ray did not sample, or when tracing is switched off', async () => {
    process.env._X_AMZN_TRACE_ID = traceHeader(false);
    await handler({}, CONTEXT as never);
    process.env._X_AMZN_TRACE_ID = traceHeader(true);
    process.env.POWERTOOLS_TRACE_ENABLED = 'false';
    await handler({}, CONTEXT as never);
    process.env.POWERTOOLS_TRACE_ENABLED = 'true';
    await settle();
    expect(daemon.documents).toEqual([]);
  });

  it('reads the daemon’s address in both of the forms Lambda may give it', () => {
    expect(daemonAddress('169.254.79.129:2000')).toEqual({ host: '169.254.79.129', port: 2000 });
    expect(daemonAddress('tcp:127.0.0.1:2001 udp:127.0.0.2:2002')).toEqual({ host: '127.0.0.2', port: 2002 });
    expect(daemonAddress(':2000')).toBeUndefined();
    expect(daemonAddress('127.0.0.1:70000')).toBeUndefined();
  });
});
