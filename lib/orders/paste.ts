import { parseOrderNo } from './import/normalise';

/** Pasted text, far more than any notice lists: guards the server against a pasted novel. */
export const PASTE_MAX_CHARS = 2_000_000;

/**
 * Order numbers pasted from a notice or a spreadsheet column: one per line, or
 * separated by commas, spaces, semicolons or Chinese punctuation. Duplicates
 * are dropped; what is not an order number is returned so the user sees it.
 */
export function parsePastedOrderNumbers(text: string): { orderNos: string[]; invalid: string[] } {
  const orderNos = new Set<string>();
  const invalid: string[] = [];
  for (const token of text.split(/[\s,，、;；|]+/)) {
    if (token === '') continue;
    const parsed = parseOrderNo(token);
    if (parsed.ok) orderNos.add(parsed.value);
    else invalid.push(token.slice(0, 64));
  }
  return { orderNos: [...orderNos], invalid };
}
