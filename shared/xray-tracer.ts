import { randomBytes } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import { getXrayTraceDataFromEnv } from '@aws-lambda-powertools/commons/utils/env';
import type { MiddlewareObj } from '@middy/core';

/**
 * X-Ray tracing as Powertools' Tracer gives it (a `## <handler>` subsegment per invocation with
 * its `ColdStart` and `Service` annotations, and a subsegment per AWS call), written as segment
 * documents straight to the X-Ray daemon Lambda runs beside each function. Powertools' Tracer
 * cannot run without the X-Ray SDK, which with semver and cls-hooked is 120 KiB of every bundle
 * and patches Node at load; the daemon's protocol is one JSON document per UDP datagram.
 *
 * Nothing that identifies a person reaches a trace: a subsegment names the service, operation,
 * table and outcome of a call, never its input; a failure records the error's type, not its message.
 */

type TSubsegment = {
  id: string;
  name: string;
  start_time: number;
  end_time?: number;
  type: 'subsegment';
  trace_id: string;
  parent_id: string;
  namespace?: 'aws';
  annotations?: Record<string, string | number | boolean>;
  aws?: Record<string, string | number>;
  http?: { response: { status: number } };
  error?: true;
  fault?: true;
  throttle?: true;
  cause?: { exceptions: { id: string; type: string; remote?: true }[] };
};

const SERVICE = 'accord';
const DAEMON_HEADER = '{"format": "json", "version": 1}\n';

/** Tracing is on in a Lambda execution environment unless `POWERTOOLS_TRACE_ENABLED` is `false`, as with Powertools. */
const tracingEnabled = () =>
  process.env.POWERTOOLS_TRACE_ENABLED?.toLowerCase() !== 'false' &&
  (process.env.AWS_EXECUTION_ENV ?? '').startsWith('AWS_Lambda_') &&
  !process.env.AWS_SAM_LOCAL;

const DEFAULT_DAEMON_ADDRESS = '127.0.0.1:2000';

/**
 * `AWS_XRAY_DAEMON_ADDRESS` is `host:port`, or `udp:host:port tcp:host:port`; segments go over UDP.
 * An address that names no host and port (empty, `udp:host`) leaves tracing off rather than
 * failing the invocation that would send to it.
 */
export const daemonAddress = (value = process.env.AWS_XRAY_DAEMON_ADDRESS || DEFAULT_DAEMON_ADDRESS) => {
  const udp = value.split(/\s+/).find((part) => part.startsWith('udp:'))?.slice(4) ?? value;
  const separator = udp.lastIndexOf(':');
  const [host, port] = [udp.slice(0, separator), Number(udp.slice(separator + 1))];
  return separator > 0 && Number.isInteger(port) && port > 0 && port < 65536 ? { host, port } : undefined;
};

const newId = () => randomBytes(8).toString('hex');
const now = () => Date.now() / 1000;

let socket: Socket | undefined;
/** Never throws: a trace that cannot be sent is dropped, as the X-Ray SDK drops it, and the work it describes stands. */
const send = (document: TSubsegment) => {
  const address = daemonAddress();
  if (!address) return;
  try {
    // unref: a trace never keeps a process alive. A failed bind is an 'error' event, not a send callback.
    socket ??= createSocket('udp4')
      .unref()
      .on('error', () => undefined);
    socket.send(DAEMON_HEADER + JSON.stringify(document), address.port, address.host, () => undefined);
  } catch {
    // Dropped: see above.
  }
};

/** The invocation being traced: one at a time per execution environment (the stack sets no `AWS_LAMBDA_MAX_CONCURRENCY`). */
let current: TSubsegment | undefined;
let coldStart = true;

/** An error as X-Ray classes it: throttled, the caller's (a 4xx, or an AWS client fault), or a fault. */
const failed = (subsegment: TSubsegment, error: unknown, remote: boolean, answeredStatus?: number) => {
  const { name = 'Error', $fault, $metadata } = (error ?? {}) as { name?: string; $fault?: string; $metadata?: { httpStatusCode?: number } };
  const status = answeredStatus ?? $metadata?.httpStatusCode;
  if (status === 429 || /Throttl|ProvisionedThroughputExceeded|RequestLimitExceeded/.test(name)) Object.assign(subsegment, { error: true, throttle: true });
  else if ($fault === 'client' || (status !== undefined && status < 500)) subsegment.error = true;
  else subsegment.fault = true;
  if (status) subsegment.http = { response: { status } };
  subsegment.cause = { exceptions: [{ id: newId(), type: name, ...(remote ? { remote: true as const } : {}) }] };
};

/** Middy middleware: opens `## <handler>` under the Lambda's own segment when the invocation is sampled, and sends it at the end. */
export const traceInvocation = (): MiddlewareObj => {
  const close = (error?: unknown, answeredStatus?: number) => {
    const subsegment = current;
    current = undefined;
    if (!subsegment) return;
    subsegment.end_time = now();
    if (error !== undefined) failed(subsegment, error, false, answeredStatus);
    send(subsegment);
  };
  return {
    before: () => {
      current = undefined;
      const wasColdStart = coldStart;
      coldStart = false;
      if (!tracingEnabled()) return;
      const trace = getXrayTraceDataFromEnv();
      if (trace?.Sampled !== '1' || !trace.Root || !trace.Parent) return;
      current = {
        id: newId(),
        name: `## ${process.env._HANDLER ?? 'handler'}`,
        start_time: now(),
        type: 'subsegment',
        trace_id: trace.Root,
        parent_id: trace.Parent,
        annotations: { ColdStart: wasColdStart, Service: SERVICE },
      };
    },
    after: () => close(),
    // The problem and error-page middlewares answer before this runs: a 4xx they chose is the caller's error, not a fault.
    onError: (request) => close(request.error, (request.response as { statusCode?: number } | undefined)?.statusCode),
  };
};

type TMiddlewareStack = {
  add(
    middleware: (next: (args: { input: object }) => Promise<{ output: object }>, context: { clientName?: string; commandName?: string }) => (args: { input: object }) => Promise<{ output: object }>,
    options: { step: 'initialize'; name: string },
  ): void;
};

/**
 * Records each call a client makes, retries included, as a subsegment of the invocation's: the
 * service, operation, table, request id, attempts and status. A no-op unless the invocation is traced.
 */
export const traceAwsClient = <TClient extends { middlewareStack: unknown; config: { region: unknown } }>(client: TClient): TClient => {
  (client.middlewareStack as TMiddlewareStack).add(
    (next, context) => async (args) => {
      const parent = current;
      if (!parent) return next(args);
      const subsegment: TSubsegment = {
        id: newId(),
        name: (context.clientName ?? 'AWS').replace(/Client$/, ''),
        start_time: now(),
        type: 'subsegment',
        trace_id: parent.trace_id,
        parent_id: parent.id,
        namespace: 'aws',
        aws: { operation: (context.commandName ?? '').replace(/Command$/, ''), region: await resolveRegion(client.config.region) },
      };
      const tableName = (args.input as { TableName?: unknown }).TableName;
      if (typeof tableName === 'string') subsegment.aws!.table_name = tableName;
      let calledAws = true;
      try {
        const result = await next(args);
        // getSignedUrl runs the client's middleware against a stand-in that signs the request and sends nothing: no call to trace.
        calledAws = !('presigned' in result.output);
        const metadata = (result.output as { $metadata?: { requestId?: string; attempts?: number; httpStatusCode?: number } }).$metadata;
        if (metadata?.requestId) subsegment.aws!.request_id = metadata.requestId;
        subsegment.aws!.retries = Math.max(0, (metadata?.attempts ?? 1) - 1);
        if (metadata?.httpStatusCode) subsegment.http = { response: { status: metadata.httpStatusCode } };
        return result;
      } catch (error) {
        failed(subsegment, error, true);
        throw error;
      } finally {
        subsegment.end_time = now();
        if (calledAws) send(subsegment);
      }
    },
    { step: 'initialize', name: 'accordXRaySubsegment' },
  );
  return client;
};

const resolveRegion = async (region: unknown): Promise<string> =>
  typeof region === 'function' ? String(await (region as () => Promise<string>)()) : String(region ?? '');
