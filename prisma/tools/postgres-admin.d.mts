// Hand-written types for postgres-admin.mjs (plain JS so bare `node` scripts can import it).
export function shownUrl(url: string): string;
export function appliedOnPostgres(url: string): Promise<Set<string>>;
export function resetPostgres(url: string): Promise<void>;
export function createDatabase(url: string, name: string, options?: { drop?: boolean }): Promise<void>;
export function withDatabase(url: string, name: string): string;
export function runScript(url: string, sql: string): Promise<void>;
export function describeTables(url: string): Promise<string[]>;
