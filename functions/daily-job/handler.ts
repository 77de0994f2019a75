import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { monotonicFactory } from 'ulid';
import { config } from '../../shared/config';
import { createAgreementRepository } from '../../shared/db/agreement-repository';
import { createDocumentClient } from '../../shared/db/client';
import { createDueWorkStore, createSigningRequestRepository } from '../../shared/db/signing-request-repository';
import { runDailyJob, type TDailyJobReport } from '../../shared/domain/schedule/run-daily-job';
import { logger } from '../../shared/observability';
import { ZDailyJobEvent } from './daily-job-event.schema';

const table = { client: createDocumentClient({ region: config.region, endpoint: config.dynamoDbEndpoint }), tableName: config.tableName };
const agreements = createAgreementRepository(table);
const requests = createSigningRequestRepository(table);
const due = createDueWorkStore(table);
const newId = monotonicFactory();


const runForScheduledTime = async (event: unknown): Promise<TDailyJobReport> => {
  const { time } = ZDailyJobEvent.parse(event);
  const report = await runDailyJob({ now: new Date(time), newId, due, agreements, requests });
  logger.info('Daily job finished', { ...report });
  return report;
};

export const handler = middy<unknown, TDailyJobReport>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(runForScheduledTime);
