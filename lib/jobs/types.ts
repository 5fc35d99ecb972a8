/** What a job handler gets: its input, and a way to report progress the page can show. */
export type JobContext = {
  jobId: string;
  caseId: string;
  input: unknown;
  progress: (fraction: number, currentItem?: string) => Promise<void>;
};
export type JobHandler = (ctx: JobContext) => Promise<unknown>;

/** A message to a worker thread: run a queued job's row, or one named task and answer its value. */
export type WorkerRequest = { type: 'job'; jobId: string } | { type: 'task'; name: string; args: unknown };
