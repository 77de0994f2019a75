import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { MiddlewareObj } from '@middy/core';
import { traceInvocation } from './xray-tracer';

/**
 * One logger and metrics per function process (traces: ./xray-tracer.ts). Nothing that identifies a person or
 * carries a secret is ever passed to them: no tokens, no bodies, no email addresses.
 */
export const logger = new Logger({ serviceName: 'accord' });
export const metrics = new Metrics({ namespace: 'Accord', serviceName: 'accord' });

/**
 * Flushes the invocation's metrics as EMF when it counted any. (Powertools' own `logMetrics`
 * warns on every invocation that counted nothing, which most reads are.)
 */
const publishCountedMetrics = (): MiddlewareObj => {
  const publish = async () => {
    if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
  };
  return { after: publish, onError: publish };
};

/**
 * The middlewares every Accord function runs with: context in logs, a trace, metrics flushed. AWS
 * calls are traced through their clients (`traceAwsClient`); outgoing HTTP is not, so no trace
 * header or receiver URL goes to a webhook receiver or into a trace.
 */
export const observability = (): MiddlewareObj[] => [
  injectLambdaContext(logger, { resetKeys: true }),
  traceInvocation(),
  publishCountedMetrics(),
];

/** Counts a business event (agreement submitted, email sent, reminder sent…) as a CloudWatch metric. */
export const countMetric = (name: string, value = 1) => {
  if (value > 0) metrics.addMetric(name, MetricUnit.Count, value);
};
