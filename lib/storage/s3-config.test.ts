import { describe, expect, it } from 'vitest';
import { s3Config } from './s3-config';

describe('s3Config', () => {
  it('keeps local disk when STORAGE_URL is unset or blank', () => {
    expect(s3Config({})).toBeNull();
    expect(s3Config({ STORAGE_URL: '  ' })).toBeNull();
  });

  it('reads bucket, prefix, endpoint, region and path style', () => {
    expect(s3Config({ STORAGE_URL: 's3://appeal-files/prod/cn', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_REGION: 'cn-east-1', S3_FORCE_PATH_STYLE: 'true' })).toEqual({
      bucket: 'appeal-files',
      prefix: 'prod/cn/',
      region: 'cn-east-1',
      endpoint: 'http://127.0.0.1:9000',
      forcePathStyle: true,
    });
    expect(s3Config({ STORAGE_URL: 's3://appeal-files' })).toEqual({ bucket: 'appeal-files', prefix: '', region: 'us-east-1', endpoint: undefined, forcePathStyle: false });
    expect(s3Config({ STORAGE_URL: 's3://appeal-files/x/', S3_FORCE_PATH_STYLE: '0' })).toMatchObject({ prefix: 'x/', forcePathStyle: false });
  });

  it.each([
    ['file:./files', /s3:\/\/bucket/],
    ['s3://', /bucket/],
    ['s3://Upper_Case', /bucket name/],
    ['s3://ok-bucket/../etc', /unsafe prefix/],
    ['s3://ok-bucket/名字', /unsafe prefix/],
  ])('refuses STORAGE_URL=%s at start-up', (url, message) => {
    expect(() => s3Config({ STORAGE_URL: url })).toThrow(message);
  });

  it('refuses an endpoint that is not an http(s) URL', () => {
    expect(() => s3Config({ STORAGE_URL: 's3://ok-bucket', S3_ENDPOINT: 'oss-cn-hangzhou.aliyuncs.com' })).toThrow(/S3_ENDPOINT/);
  });
});
