import { decodeBytes } from './decode';
import type { RawTable, SourceRow } from './read-table';
import { splitCsv } from './split-csv';

const DELIMITERS = [',', '\t', ';'] as const;

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

/**
 * Reads a CSV/TSV export into rows of text cells, numbered as a spreadsheet would show them (blank
 * lines count; a cell with line breaks is one row), each with the text-editor line it starts on.
 * Rows keep every field they have: whether that is the header's shape is decided once the header is known.
 */
export function readCsv(bytes: Uint8Array, forcedEncoding?: string): RawTable {
  const { text, encoding } = decodeBytes(bytes, forcedEncoding);
  const delimiter = sniffDelimiter(text);
  const rows: SourceRow[] = splitCsv(text, delimiter).map((record, index) => ({
    rowNumber: index + 1,
    line: record.line,
    cells: record.fields,
    start: record.start,
    end: record.end,
    quoteProblem: record.quoteProblem,
  }));
  return { rows, issues: [], encoding, delimiter, rawText: (row) => text.slice(row.start ?? 0, row.end ?? 0) };
}
