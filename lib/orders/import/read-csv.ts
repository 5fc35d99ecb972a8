import { parse } from 'csv-parse/sync';
import { decodeBytes } from './decode';
import type { RawTable, TableIssue } from './read-table';

const DELIMITERS = [',', '\t', ';'] as const;

/** csv-parse's sync typings ignore `info: true`, which wraps each record with its position. */
type RecordWithInfo = { record: string[]; info: { records: number } };

/**
 * Guesses the delimiter from the header line: Taobao and Pinduoduo write commas, Amazon's order
 * report is tab-delimited whatever its extension (.txt, .tsv, even .csv). Delimiters inside quotes
 * do not count, since a quoted header may itself contain a comma.
 */
export function sniffDelimiter(text: string): string {
  const end = text.search(/\r?\n/);
  const headerLine = end === -1 ? text : text.slice(0, end);
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: string = ',';
  for (const [d, n] of counts) if (n > (counts.get(best) ?? 0)) best = d;
  return best;
}

/** Reads a CSV/TSV export into rows of text cells, numbered as a spreadsheet would show them. */
export function readCsv(bytes: Uint8Array, forcedEncoding?: string): RawTable {
  const { text, encoding } = decodeBytes(bytes, forcedEncoding);
  const issues: TableIssue[] = [];
  const records = parse(text, {
    delimiter: sniffDelimiter(text),
    relax_column_count: true,
    // Taobao writes order numbers as ="123…": a quote inside an unquoted field, which is fine here.
    relax_quotes: true,
    // Blank lines still occupy a spreadsheet row: keep them so row numbers match what users see.
    skip_empty_lines: false,
    info: true,
    // One broken record (an unclosed quote) must not lose the whole file.
    skip_records_with_error: true,
    on_skip: (error) => {
      const before = error?.records;
      issues.push({ rowNumber: typeof before === 'number' ? before + 1 : 0, code: 'unreadableRow' });
      return undefined;
    },
  }) as unknown as RecordWithInfo[];

  const rows = records.map(({ record, info }) => ({ rowNumber: info.records, cells: record }));
  return { rows, issues, encoding };
}
