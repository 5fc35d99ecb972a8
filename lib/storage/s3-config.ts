type Env = Readonly<Record<string, string | undefined>>;

export type S3Config = {
  bucket: string;
  /** Prepended to every key: '' or a path ending with '/', so several deployments can share a bucket. */
  prefix: string;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
};

// S3's own bucket naming rule (3 to 63 characters); OSS, COS, R2 and MinIO are stricter or equal.
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const PREFIX_SEGMENT = /^[A-Za-z0-9_.-]+$/;

/**
 * Reads the object store settings once, at start-up, and refuses a half-written configuration
 * loudly rather than writing merchants' files somewhere unexpected:
 *
 *   STORAGE_URL           s3://bucket or s3://bucket/some/prefix (unset: local disk under DATA_DIR)
 *   S3_ENDPOINT           https://oss-cn-hangzhou.aliyuncs.com, https://cos.ap-shanghai.myqcloud.com,
 *                         https://<account>.r2.cloudflarestorage.com, http://127.0.0.1:9000 (unset: AWS)
 *   S3_REGION             default us-east-1 (R2: auto)
 *   S3_FORCE_PATH_STYLE   1/true for MinIO and most self-hosted servers; OSS and COS want it off
 *   credentials           the standard AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (/ AWS_SESSION_TOKEN)
 *
 * Returns null when STORAGE_URL is unset: local disk stays the default.
 */
export function s3Config(env: Env = process.env): S3Config | null {
  const url = env.STORAGE_URL?.trim();
  if (!url) return null;
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(url);
  if (!match) throw new Error(`STORAGE_URL must look like s3://bucket/prefix, got "${url.split(':')[0]}:..."`);
  const [, bucket = '', rawPrefix = ''] = match;
  if (!BUCKET.test(bucket)) throw new Error(`STORAGE_URL: "${bucket}" is not a valid bucket name`);
  const segments = rawPrefix.split('/').filter(Boolean);
  if (segments.some((s) => !PREFIX_SEGMENT.test(s) || s === '.' || s === '..')) throw new Error(`STORAGE_URL: unsafe prefix "${rawPrefix}"`);
  const endpoint = env.S3_ENDPOINT?.trim() || undefined;
  if (endpoint && !/^https?:\/\/[^/]+/.test(endpoint)) throw new Error('S3_ENDPOINT must be an http(s) URL');
  return {
    bucket,
    prefix: segments.length ? `${segments.join('/')}/` : '',
    region: env.S3_REGION?.trim() || 'us-east-1',
    endpoint,
    forcePathStyle: /^(1|true|yes)$/i.test(env.S3_FORCE_PATH_STYLE?.trim() ?? ''),
  };
}
