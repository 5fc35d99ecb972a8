// Hand-written types for start-up.mjs (plain JS so server.mjs and worker.mjs can import it).

/** Runs instrumentation.ts's register() and resolves once it is done (see start-up.mjs). */
export function runStartUpWork(app: { getRequestHandler: () => (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<void> }): Promise<void>;
