// Hand-written types for schema-engine.mjs: only what the tests call.
export const NO_EXTERNAL: { externalTables: never[]; externalEnums: never[] };
type Files = Array<{ path: string; content: string }>;
type DiffSide = { tag: 'empty' } | { tag: 'schemaDatamodel'; files: Files } | { tag: 'schemaDatasource'; files: Files; configDir: string };
export type SchemaEngine = {
  diff(params: { from: DiffSide; to: DiffSide; script: boolean; exitCode: null; filters: typeof NO_EXTERNAL }): Promise<{ exitCode: number; stdout?: string }>;
};
export function openSchemaEngine(options: {
  provider: 'sqlite' | 'postgresql';
  url: string;
  schemaPath: string;
  schemaText: string;
}): Promise<{ engine: SchemaEngine; close: () => Promise<void> }>;
