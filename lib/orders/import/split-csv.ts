/** A record's quoting could not be read: an opening quote never closed, or text right after a closing quote. */
export type QuoteProblem = 'unclosedQuote' | 'strayQuote';

/**
 * One record of delimited text. `line` is the line a text editor shows for its first character
 * (a quoted field may run over several lines); `start`/`end` delimit its raw text, line break excluded.
 */
export type CsvRecord = { line: number; start: number; end: number; fields: string[]; quoteProblem?: QuoteProblem };

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Splits delimited text into records, keeping where each came from so a record that does not have
 * the header's shape can be shown to the merchant as it stands in the file. Our own loop rather than
 * csv-parse: its line counter counts CRLF twice inside quoted fields, and we need the raw text.
 * Quotes count only at the start of a field; elsewhere they are text, which is how Taobao's
 * ="123…" survives. An unclosed quote spoils only its own line: reading resumes on the next one.
 */
export function splitCsv(text: string, delimiter: string): CsvRecord[] {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  const records: CsvRecord[] = [];
  let pos = 0;
  let line = 1;
  while (pos < n) {
    const start = pos;
    const startLine = line;
    const fields: string[] = [];
    let quoteProblem: QuoteProblem | undefined;
    for (;;) {
      if (text.charCodeAt(pos) === QUOTE) {
        const fieldLine = line;
        let value = '';
        let from = pos + 1;
        let i = from;
        let closed = false;
        while (i < n) {
          const ch = text.charCodeAt(i);
          if (ch === QUOTE) {
            value += text.slice(from, i);
            if (text.charCodeAt(i + 1) === QUOTE) {
              value += '"';
              i += 2;
              from = i;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (ch === LF || (ch === CR && text.charCodeAt(i + 1) !== LF)) line++;
          i++;
        }
        const rest = closed ? scanUnquoted(text, i, d) : i;
        // Unclosed, or closed lines later by what is really the next opening quote (text follows
        // it): the quote was never closed on its own line. Report that line alone and read on.
        if (!closed || (rest > i && line > fieldLine)) {
          const lineEnd = nextBreak(text, start);
          records.push({ line: startLine, start, end: lineEnd, fields: [text.slice(start, lineEnd)], quoteProblem: 'unclosedQuote' });
          pos = skipBreak(text, lineEnd);
          line = startLine + 1;
          break;
        }
        if (rest > i) {
          quoteProblem = 'strayQuote';
          value += text.slice(i, rest);
        }
        pos = rest;
        fields.push(value);
      } else {
        const end = scanUnquoted(text, pos, d);
        fields.push(text.slice(pos, end));
        pos = end;
      }
      if (pos < n && text.charCodeAt(pos) === d) {
        pos++;
        continue;
      }
      records.push({ line: startLine, start, end: pos, fields, quoteProblem });
      if (pos < n) {
        pos = skipBreak(text, pos);
        line++;
      }
      break;
    }
  }
  return records;
}

function scanUnquoted(text: string, from: number, d: number): number {
  let i = from;
  const n = text.length;
  while (i < n) {
    const ch = text.charCodeAt(i);
    if (ch === d || ch === LF || ch === CR) break;
    i++;
  }
  return i;
}

function nextBreak(text: string, from: number): number {
  const i = text.slice(from).search(/[\r\n]/);
  return i === -1 ? text.length : from + i;
}

function skipBreak(text: string, at: number): number {
  if (at >= text.length) return at;
  return text.charCodeAt(at) === CR && text.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
}
