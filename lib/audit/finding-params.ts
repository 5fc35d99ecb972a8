import type { Finding } from './types';

export type MessageParams = Record<string, string | number>;

/**
 * A finding's parameters as its translated message takes them, the same on the audit step and in
 * the bundle: ICU `select` needs strings, not booleans, and amounts are stored in fen but read in
 * yuan (a price outlier printed "单价 1999" where the merchant's screen said ¥19.99).
 */
export function findingMessageParams(f: Pick<Finding, 'rule' | 'params'>, money: (cents: number) => string): MessageParams {
  const params: MessageParams = Object.fromEntries(Object.entries(f.params).map(([k, v]) => [k, typeof v === 'boolean' ? String(v) : v]));
  params.reason = String(f.params.reason ?? 'noneInExport');
  // A phone number or an address is text, never a number grouped as 13,812,345,678.
  params.value = String(f.params.value ?? '');
  if (f.rule === 'amountOutlier') {
    params.value = money(Number(f.params.value));
    params.median = money(Number(f.params.median));
  }
  return params;
}
