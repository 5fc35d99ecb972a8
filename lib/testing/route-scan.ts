import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/*
 * The app's route handlers as the file system has them, for tests that must cover every route,
 * including one added tomorrow without anyone remembering to list it (unit and e2e alike).
 */

export const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;

export type WriteRoute = { file: string; method: string; segments: string[] };

/** Every exported POST, PUT, PATCH and DELETE handler under `appDir`, with its path's segments. */
export function writeRoutes(appDir: string): WriteRoute[] {
  return routeFiles(appDir).flatMap((file) =>
    exportedNames(path.join(appDir, file))
      .filter((name) => (WRITE_METHODS as readonly string[]).includes(name))
      .map((method) => ({ file, method, segments: file.split('/').slice(0, -1).filter((s) => !/^\(.*\)$/.test(s)) })),
  );
}

/**
 * A concrete URL path for a route: `[name]` and `[...name]` segments take `params[name]`, or a
 * placeholder when the test has no real value for them.
 */
export function routeUrl(route: WriteRoute, params: Record<string, string> = {}): string {
  const filled = route.segments.map((segment) => {
    const name = /^\[{1,2}(?:\.\.\.)?([^\]]+)\]{1,2}$/.exec(segment)?.[1];
    return name === undefined ? segment : (params[name] ?? (segment.includes('...') ? 'a/b' : 'id1'));
  });
  return '/' + filled.join('/');
}

function routeFiles(appDir: string): string[] {
  return readdirSync(appDir, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => /(^|\/)route\.(ts|tsx|js|jsx|mjs)$/.test(file));
}

/** Names a module exports, from its syntax: `export function POST`, `export const { GET, POST } = …`, `export { POST }`. */
function exportedNames(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const isExported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  return source.statements.flatMap((statement) => {
    if (ts.isFunctionDeclaration(statement) && isExported(statement) && statement.name) return [statement.name.text];
    if (ts.isVariableStatement(statement) && isExported(statement)) return statement.declarationList.declarations.flatMap((d) => bindingNames(d.name));
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      return statement.exportClause.elements.map((element) => element.name.text);
    }
    return [];
  });
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name)));
}
