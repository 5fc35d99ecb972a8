import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Imported first by lib/jobs/worker.ts, before any other module of the thread loads. The Next.js
 * server puts AsyncLocalStorage on globalThis at start-up; a worker thread starts with a fresh
 * global, so the React and Next.js modules the bundle pulls into the thread fall back to a stand-in
 * that throws when used. Their console patch uses it on every console.error: the AWS SDK's
 * "Node 22 needed from 2027" warning (any S3 export) killed the thread, and its job failed.
 */
const global = globalThis as { AsyncLocalStorage?: typeof AsyncLocalStorage };
global.AsyncLocalStorage ??= AsyncLocalStorage;
