// s3rver ships no types: just what lib/testing/s3-server.ts uses.
declare module 's3rver' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  type Context = { method: string; path: string; query: Record<string, string | string[] | undefined>; status: number; type: string; body: unknown; req: IncomingMessage; res: ServerResponse };
  type Middleware = (ctx: Context, next: () => Promise<void>) => Promise<void> | void;
  type Options = { address?: string; port?: number; silent?: boolean; directory: string; configureBuckets?: { name: string }[]; allowMismatchedSignatures?: boolean; vhostBuckets?: boolean };
  export default class S3rver {
    constructor(options: Options);
    middleware: Middleware[];
    store: { putObject(object: { bucket: string; key: string }): Promise<unknown> };
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
  }
}
