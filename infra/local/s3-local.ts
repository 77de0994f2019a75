import { createRequire } from 'node:module';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { createS3Client } from '../../shared/storage/s3-file-store';
import type { S3Event } from 'aws-lambda';
import { ATTACHMENTS_PREFIX } from '../../shared/domain/agreement/attachments';

/** The local stack's bucket for agreements' files and executed copies. */
export const LOCAL_DOCUMENTS_BUCKET = 'accord-documents';

type TS3rver = {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
  on(event: 'event', listener: (event: S3Event) => void): void;
};
// s3rver is CommonJS without types of its own.
const S3rver = createRequire(import.meta.url)('s3rver') as new (options: Record<string, unknown>) => TS3rver;

/**
 * An S3-compatible server on this machine (s3rver), its objects under `directory`, with the
 * documents bucket made. `onObjectCreated` hears each new object under `ATTACHMENTS_PREFIX`, as
 * the bucket's notification tells Lambda in AWS.
 */
/** As the deployed bucket's CORS rule: the workspace's pages PUT large files straight to the bucket. */
const corsFor = (origin: string) =>
  `<CORSConfiguration><CORSRule><AllowedOrigin>${origin}</AllowedOrigin><AllowedMethod>PUT</AllowedMethod><AllowedHeader>content-type</AllowedHeader><AllowedHeader>if-none-match</AllowedHeader><AllowedHeader>x-amz-checksum-sha256</AllowedHeader><MaxAgeSeconds>3600</MaxAgeSeconds></CORSRule></CORSConfiguration>`;

export const startS3Local = async (options: { port: number; directory: string; onObjectCreated: (event: S3Event) => void; browserOrigin?: string }) => {
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port,
    directory: options.directory,
    silent: true,
    // Path-style requests only: no bucket subdomains of localhost.
    vhostBuckets: false,
    configureBuckets: [{ name: LOCAL_DOCUMENTS_BUCKET, configs: options.browserOrigin ? [corsFor(new URL(options.browserOrigin).origin)] : [] }],
  });
  server.on('event', (event) => {
    const uploads = event.Records.filter((record) => record.eventName.startsWith('ObjectCreated') && record.s3.object.key.startsWith(ATTACHMENTS_PREFIX));
    if (uploads.length > 0) options.onObjectCreated({ Records: uploads });
  });
  const { port } = await server.run();
  return { endpoint: `http://127.0.0.1:${port}`, stop: () => server.close() };
};

/**
 * For an S3-compatible server the local stack did not start (`S3_ENDPOINT`), which tells nobody
 * of new objects: lists the uploads every `everyMs` and announces each key it has not seen, as S3's
 * notification would (under `ATTACHMENTS_PREFIX` only). Keys there at start are announced too; the documents function takes a
 * repeat in its stride.
 */
export const watchNewObjects = (options: { endpoint: string; bucket: string; everyMs: number; onObjectCreated: (event: S3Event) => void }) => {
  const client = createS3Client({ region: 'eu-west-2', endpoint: options.endpoint });
  const seen = new Set<string>();
  const poll = async () => {
    let token: string | undefined;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket: options.bucket, Prefix: ATTACHMENTS_PREFIX, ContinuationToken: token }));
      for (const { Key } of page.Contents ?? []) {
        if (!Key || seen.has(Key)) continue;
        seen.add(Key);
        options.onObjectCreated({ Records: [{ eventSource: 'aws:s3', eventName: 'ObjectCreated:Put', s3: { object: { key: encodeURIComponent(Key).replace(/%2F/g, '/') } } }] } as unknown as S3Event);
      }
      token = page.NextContinuationToken;
    } while (token);
  };
  const timer = setInterval(() => {
    poll().catch((error: Error) => console.error('Listing new uploads failed:', error.message));
  }, options.everyMs);
  return { stop: async () => clearInterval(timer) };
};
