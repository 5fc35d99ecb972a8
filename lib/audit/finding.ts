import { AUDIT_THRESHOLDS } from './thresholds';
import { RULE_IDS, SEVERITIES, type AuditContext, type Finding, type RuleId, type Severity } from './types';

/** A fresh default context per call: contexts scope the per-run cache (see orderIndex). */
export function defaultContext(): AuditContext {
  return { thresholds: AUDIT_THRESHOLDS };
}

// cyrb53: a small, well-mixed string hash that runs the same in the browser and on the server.
function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * Deterministic id from the rule and a key naming what was found (an order number, a waybill, a
 * day). Hashed rather than spelled out because keys hold phones, IPs and addresses, and ids are
 * stored next to the merchant's explanations. Two seeds give ~106 bits: no collisions in practice.
 */
export function findingId(rule: RuleId, key: string): string {
  const text = `${rule}\u0000${key}`;
  const hex = (n: number) => n.toString(16).padStart(14, '0');
  return `${rule}-${hex(cyrb53(text, 1))}${hex(cyrb53(text, 2))}`;
}

export function makeFinding(
  rule: RuleId,
  key: string,
  severity: Severity,
  orderNos: string[],
  params: Finding['params'],
): Finding {
  return { id: findingId(rule, key), rule, severity, orderNos, params };
}

/** One step more serious, for clusters far past the reporting threshold. */
export function raise(severity: Severity): Severity {
  return severity === 'info' ? 'low' : severity === 'low' ? 'medium' : 'high';
}

const ruleRank = new Map<RuleId, number>(RULE_IDS.map((id, i) => [id, i]));
const severityRank = new Map<Severity, number>(SEVERITIES.map((s, i) => [s, i]));

/** Severity, then rule, then first order number and id: a total order, so output never depends on input order. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    (severityRank.get(a.severity) ?? 0) - (severityRank.get(b.severity) ?? 0) ||
    (ruleRank.get(a.rule) ?? 0) - (ruleRank.get(b.rule) ?? 0) ||
    compareText(a.orderNos[0] ?? '', b.orderNos[0] ?? '') ||
    compareText(a.id, b.id)
  );
}

/** Code-unit comparison: locale-independent, so every machine sorts the same way. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Round for display params: the UI should not show 3.4999999. */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

const MINUTE_MS = 60_000;

/**
 * A duration as whole days, hours and minutes for the messages ("2 天 3 小时", "23 小时", "45 分钟"):
 * people read 1380 minutes as nothing. Two units at most, the smaller rounded, because "2 天 3 小时
 * 12 分钟" is precision nobody needs from a minute-truncated export. Keys are `${prefix}D`, `${prefix}H`
 * and `${prefix}M` (apart from older params such as spanHours, which hold the exact value).
 */
export function durationParams(ms: number, prefix: string): Record<string, number> {
  const totalMinutes = Math.round(Math.abs(ms) / MINUTE_MS);
  let days = 0;
  let hours = 0;
  let minutes = 0;
  if (totalMinutes >= 24 * 60) {
    const totalHours = Math.round(totalMinutes / 60);
    days = Math.floor(totalHours / 24);
    hours = totalHours % 24;
  } else if (totalMinutes >= 60) {
    hours = Math.floor(totalMinutes / 60);
    minutes = totalMinutes % 60;
  } else minutes = totalMinutes;
  return { [`${prefix}D`]: days, [`${prefix}H`]: hours, [`${prefix}M`]: minutes };
}
