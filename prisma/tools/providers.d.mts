// Hand-written types for providers.mjs (plain JS so bare `node` scripts can import it).
export type Provider = 'sqlite' | 'postgresql';
export const root: string;
export const PROVIDERS: Record<Provider, { schema: string; migrations: string }>;
export function derivePostgresSchema(sqliteText: string): string;
export function writeDerivedSchema(): boolean;
export function lockContent(provider: Provider): string;
