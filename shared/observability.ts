import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';

/**
 * One logger, metrics and tracer per function process. Nothing that identifies a person or
 * carries a secret is ever passed to them: no tokens, no bodies, no email addresses.
 */
export const logger = new Logger({ serviceName: 'accord' });
export const metrics = new Metrics({ namespace: 'Accord', serviceName: 'accord' });
export const tracer = new Tracer({ serviceName: 'accord' });
