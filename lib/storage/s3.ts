import { AbortMultipartUploadCommand, DeleteObjectCommand, GetObjectCommand, ListMultipartUploadsCommand, paginateListObjectsV2, S3Client, type S3ClientConfig, type S3ServiceException } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Readable } from 'node:stream';
import { checkedKey, checkedPrefix } from './keys';
import type { S3Config } from './s3-config';
import type { BlobStore, ByteRange } from './types';

/**
 * S3's smallest part, one in flight while the next fills: an upload holds about 10 MB whatever its
 * size (measured in store-streaming.test.ts). More parts in flight would not make it faster: the
 * merchant's connection is slower than the app's to the bucket, and many uploads share one server.
 */
const PART_SIZE = 5 * 1024 * 1024;
const PARTS_IN_FLIGHT = 1;
/** Case deletion removes keys one by one (see deletePrefix), this many at a time. */
const DELETES_IN_FLIGHT = 8;

export type StoredObject = { key: string; size: number; modified: Date };
export type PendingUpload = { key: string; uploadId: string; initiated: Date };

/**
 * Bytes in an S3-compatible bucket (AWS S3, Aliyun OSS, Tencent COS, Cloudflare R2, MinIO), using
 * only calls all of them implement: PutObject, CreateMultipartUpload, UploadPart,
 * CompleteMultipartUpload, AbortMultipartUpload, GetObject (with Range), DeleteObject,
 * ListObjectsV2 and (for the sweep) ListMultipartUploads. A key exists only once its upload completes: a failed stream aborts the
 * multipart upload, so neither an object nor stray parts remain.
 */
export class S3Store implements BlobStore {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly prefix = '',
  ) {}

  private objectKey(key: string): string {
    return this.prefix + checkedKey(key);
  }

  async put(key: string, body: Readable | Uint8Array): Promise<{ size: number }> {
    const Key = this.objectKey(key);
    let size = 0;
    // Counted as the bytes pass: the caller hashes them on the way in, we only need the total.
    async function* counted(source: Readable) {
      for await (const chunk of source) {
        size += (chunk as Buffer).length;
        yield chunk as Buffer;
      }
    }
    const Body = body instanceof Readable ? Readable.from(counted(body)) : body;
    // leavePartsOnError false: on any failure lib-storage sends AbortMultipartUpload before rethrowing.
    await new Upload({ client: this.client, params: { Bucket: this.bucket, Key, Body }, partSize: PART_SIZE, queueSize: PARTS_IN_FLIGHT, leavePartsOnError: false }).done();
    return { size: body instanceof Readable ? size : body.byteLength };
  }

  async get(key: string, range?: ByteRange): Promise<Readable | null> {
    const Range = range ? `bytes=${range.start}-${range.end ?? ''}` : undefined;
    try {
      const { Body } = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key), Range }));
      if (!(Body instanceof Readable)) throw new Error('S3 GetObject answered without a Node stream');
      return Body;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    const Prefix = this.prefix + checkedPrefix(prefix);
    for await (const page of paginateListObjectsV2({ client: this.client }, { Bucket: this.bucket, Prefix })) {
      for (const item of page.Contents ?? []) if (item.Key) keys.push(item.Key.slice(this.prefix.length));
    }
    return keys;
  }

  /** Like list, with each object's size and last write: what the sweep judges age by. */
  async *objects(prefix: string): AsyncGenerator<StoredObject> {
    const Prefix = this.prefix + checkedPrefix(prefix);
    for await (const page of paginateListObjectsV2({ client: this.client }, { Bucket: this.bucket, Prefix })) {
      for (const item of page.Contents ?? []) {
        if (item.Key) yield { key: item.Key.slice(this.prefix.length), size: item.Size ?? 0, modified: item.LastModified ?? new Date() };
      }
    }
  }

  /**
   * Multipart uploads begun under this store's prefix and neither completed nor aborted: what a
   * killed process leaves (lib-storage aborts on the errors it sees, not on a kill -9).
   */
  async *pendingUploads(): AsyncGenerator<PendingUpload> {
    // The SDK has no paginator for this call: follow the markers by hand.
    let KeyMarker: string | undefined;
    let UploadIdMarker: string | undefined;
    do {
      const page = await this.client.send(new ListMultipartUploadsCommand({ Bucket: this.bucket, Prefix: this.prefix || undefined, KeyMarker, UploadIdMarker }));
      for (const upload of page.Uploads ?? []) {
        if (upload.Key?.startsWith(this.prefix) && upload.UploadId) yield { key: upload.Key.slice(this.prefix.length), uploadId: upload.UploadId, initiated: upload.Initiated ?? new Date() };
      }
      ({ NextKeyMarker: KeyMarker, NextUploadIdMarker: UploadIdMarker } = page.IsTruncated ? page : {});
    } while (KeyMarker);
  }

  async abortUpload({ key, uploadId }: Pick<PendingUpload, 'key' | 'uploadId'>): Promise<void> {
    await this.client.send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: this.prefix + key, UploadId: uploadId }));
  }

  /**
   * One DeleteObject per key rather than DeleteObjects: the batch call needs a Content-MD5 or
   * checksum header that S3-compatible services accept differently, and a case holds hundreds of
   * files, not millions.
   */
  async deletePrefix(prefix: string): Promise<void> {
    const keys = await this.list(prefix);
    for (let i = 0; i < keys.length; i += DELETES_IN_FLIGHT) {
      await Promise.all(keys.slice(i, i + DELETES_IN_FLIGHT).map((key) => this.delete(key)));
    }
  }
}

// By shape, not instanceof: a bundler may load the SDK's error classes twice (app and worker thread).
function isNotFound(error: unknown): boolean {
  const e = error as Partial<S3ServiceException> | null;
  return !!e && (e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404);
}

/**
 * A client for the configured service. Checksums only where S3 requires them: the SDK's newer
 * default (CRC32 on every upload) is refused by several S3-compatible services.
 * Credentials come from the SDK's standard chain (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, ...).
 */
export function s3StoreFrom(config: S3Config, overrides: Partial<S3ClientConfig> = {}): S3Store {
  const client = new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...overrides,
  });
  return new S3Store(client, config.bucket, config.prefix);
}
