// First: zod's settings hold for the schemas built after them.
import '../../shared/schemas/zod-settings';
import middy from '@middy/core';
import { monotonicFactory } from 'ulid';
import { config } from './config';
import { createAgencyRepository } from '../../shared/db/agency-repository';
import { createAgreementRepository } from '../../shared/db/agreement-repository';
import { createDocumentClient } from '../../shared/db/client';
import { createDueWorkStore } from '../../shared/db/due-work-store';
import { createSigningRequestRepository } from '../../shared/db/signing-request-repository';
import { runDailyJob, type TDailyJobReport } from '../../shared/domain/schedule/run-daily-job';
import { countMetric, logger, observability } from '../../shared/observability';
import { ZDailyJobEvent } from './daily-job-event.schema';

const table = { client: createDocumentClient(config.table), tableName: config.table.name };
const agreements = createAgreementRepository(table);
const requests = createSigningRequestRepository(table);
const due = createDueWorkStore(table);
const agencies = createAgencyRepository(table);
const newId = monotonicFactory();


const runForScheduledTime = async (event: unknown): Promise<TDailyJobReport> => {
  const { time } = ZDailyJobEvent.parse(event);
  const report = await runDailyJob({ now: new Date(time), evidenceRetentionDays: config.evidenceRetention.days, newId, due, agreements, requests, agencies });
  logger.info('Daily job finished', { ...report });
  countMetric('ReviewRemindersSent', report.reviewRemindersSent);
  countMetric('SignatureRemindersSent', report.signatureRemindersSent);
  countMetric('SigningLinksExpired', report.linksExpired);
  countMetric('AgreementsExpired', report.agreementsExpired);
  countMetric('AgreementsTerminated', report.agreementsTerminated);
  countMetric('ExpiryWarningsSent', report.expiryWarningsSent);
  countMetric('EvidenceReduced', report.evidenceReduced);
  return report;
};

export const handler = middy<unknown, TDailyJobReport>()
  .use(observability())
  .handler(runForScheduledTime);
