// First: zod's settings hold for the schemas built after them.
import '../../shared/schemas/zod-settings';
import middy from '@middy/core';
import type { DynamoDBBatchResponse } from 'aws-lambda';
import { monotonicFactory } from 'ulid';
import { config } from './config';
import { ZInForceStreamEvent, ZObjectCreatedEvent } from './documents-event.schema';
import { createAgreementRepository } from '../../shared/db/agreement-repository';
import { createDocumentClient } from '../../shared/db/client';
import { checkUpload } from '../../shared/domain/agreement/attachments';
import { sealExecutedCopy } from '../../shared/domain/agreement/executed-copy';
import { inspectUpload } from '../../shared/document/inspect-upload';
import { createExecutedCopyMaker } from '../../shared/document/make-executed-copy';
import { loadSealSigner } from '../../shared/document/seal-key';
import { countMetric, logger, observability } from '../../shared/observability';
import { createS3FileStore } from '../../shared/storage/s3-file-store';

const table = { client: createDocumentClient(config.table), tableName: config.table.name };
const agreements = createAgreementRepository(table);
const files = createS3FileStore(config.documents);
const makeExecutedCopy = createExecutedCopyMaker(loadSealSigner(config.seal, files));
const newId = monotonicFactory();

/** An uploaded file: checked against what was declared, kept or deleted, and the draft told which. */
const checkUploadedObject = async (objectKey: string) => {
  const checked = await checkUpload({ objectKey, read: files.read, inspect: inspectUpload, now: new Date(), newId, agreements });
  // Only uploads are checked: anything else in the bucket (an executed copy, the seal) is never touched.
  if (!checked) {
    logger.warn('Ignored an object that is not an upload', { objectKey });
    return;
  }
  if (!checked.keep) await files.remove(objectKey);
  countMetric(checked.keep ? 'AttachmentsStored' : 'AttachmentsRefused');
  logger.info('Upload checked', { objectKey, kept: checked.keep, ...(checked.verdict.accepted ? {} : { refusal: checked.verdict.refusal }) });
};

/**
 * Two kinds of work that need heavy libraries, kept off the request path: S3 tells it of each
 * upload, and the table's stream of each version coming into force, whose executed copy it seals.
 */
const serve = async (event: unknown): Promise<DynamoDBBatchResponse | void> => {
  const uploads = ZObjectCreatedEvent.safeParse(event);
  if (uploads.success) {
    for (const record of uploads.data.Records) await checkUploadedObject(record.s3.object.key);
    return;
  }
  const inForce = ZInForceStreamEvent.parse(event);
  const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
  for (const record of inForce.Records) {
    try {
      const outcome = await sealExecutedCopy({ agreementId: record.dynamodb.NewImage.agreementId.S, now: new Date(), newId, agreements, files, make: makeExecutedCopy });
      if (outcome === 'sealed') countMetric('ExecutedCopiesSealed');
    } catch (error) {
      logger.error('Sealing an executed copy failed', { error: error as Error });
      batchItemFailures.push({ itemIdentifier: record.dynamodb.SequenceNumber });
    }
  }
  return { batchItemFailures };
};

export const handler = middy().use(observability()).handler(serve);
