import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { TFileStore } from '../domain/ports';
import { attachmentDisposition } from '../http/content-disposition';
import { traceAwsClient } from '../xray-tracer';

export type TFileStoreSettings = { bucket: string; region: string; endpoint?: string | undefined };

/** An S3 client for AWS, or for an S3-compatible server at `endpoint` (path-style, with that server's own keys). */
export const createS3Client = ({ region, endpoint }: Omit<TFileStoreSettings, 'bucket'>): S3Client =>
  traceAwsClient(
    new S3Client({
      region,
      // Checksums only where an operation needs one: an upload's SHA-256 is the one that matters, and it is signed into its URL.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...(endpoint
        ? {
            endpoint,
            forcePathStyle: true,
            // An S3-compatible server has keys of its own, not the function's AWS ones: s3rver's unless told.
            credentials: { accessKeyId: process.env.S3_ACCESS_KEY_ID ?? 'S3RVER', secretAccessKey: process.env.S3_SECRET_ACCESS_KEY ?? 'S3RVER' },
          }
        : {}),
    }),
  );

/**
 * The documents bucket: in AWS an S3 bucket, on a laptop an S3-compatible server (`S3_ENDPOINT`),
 * through the same client, so uploads, links and checks take one code path.
 */
export const createS3FileStore = ({ bucket, region, endpoint }: TFileStoreSettings): TFileStore => {
  const client = createS3Client({ region, endpoint });
  return {
    async uploadUrl(file, expiresInSeconds) {
      const checksum = Buffer.from(file.sha256, 'hex').toString('base64');
      const command = new PutObjectCommand({
        Bucket: bucket,
        Key: file.key,
        ContentType: file.contentType,
        ContentLength: file.size,
        // S3 refuses bytes whose SHA-256 differs, and a second PUT to a key already written.
        ChecksumSHA256: checksum,
        IfNoneMatch: '*',
      });
      const url = await getSignedUrl(client, command, {
        expiresIn: expiresInSeconds,
        // Kept as headers the uploader must send, and signed, rather than hoisted into the query string.
        unhoistableHeaders: new Set(['x-amz-checksum-sha256']),
        signableHeaders: new Set(['content-type', 'content-length', 'if-none-match', 'x-amz-checksum-sha256']),
      });
      return {
        url,
        headers: { 'content-type': file.contentType, 'if-none-match': '*', 'x-amz-checksum-sha256': checksum },
        expiresAt: new Date(Date.now() + expiresInSeconds * 1000).toISOString(),
      };
    },
    downloadUrl: (file, expiresInSeconds) =>
      getSignedUrl(
        client,
        new GetObjectCommand({
          Bucket: bucket,
          Key: file.key,
          ResponseContentType: file.contentType,
          ResponseContentDisposition: attachmentDisposition(file.name),
        }),
        { expiresIn: expiresInSeconds },
      ),
    async read(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return object.Body ? new Uint8Array(await object.Body.transformToByteArray()) : new Uint8Array();
      } catch (error) {
        if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return undefined;
        throw error;
      }
    },
    async write(key, bytes, contentType, options = {}) {
      try {
        await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentType: contentType, ...(options.ifAbsent ? { IfNoneMatch: '*' } : {}) }));
        return true;
      } catch (error) {
        // S3's answer when If-None-Match finds the key taken: someone wrote it first.
        if (options.ifAbsent && (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 412) return false;
        throw error;
      }
    },
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
  };
};
