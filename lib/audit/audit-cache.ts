import 'server-only';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { dialect } from '@/lib/db/dialect';
import { computeAudit } from './compute';
import { CONTACT_FIELDS } from './contact-coverage';
import type { AuditResult } from './run-audit';
import { AUDIT_THRESHOLDS } from './thresholds';
import { RULE_IDS, SEVERITIES, type RuleId, type Severity } from './types';

/**
 * Bump when a rule, its wording's params or the carrier formats it checks change: stored results
 * made by older code then no longer match any key. (Thresholds are part of the key already.)
 */
export const RULES_VERSION = 3;

// What the rules read of an order. Flagged is not an input: it is joined afterwards.
const AUDITED = ['orderNo', 'buyerName', 'buyerPhone', 'address', 'ip', 'orderedAt', 'paidAt', 'amountCents', 'itemTitle', 'quantity', 'trackingNo', 'carrier', 'shippedAt', 'signedAt', 'status', 'statusText', 'refundCents'];
// updatedAt's seconds and milliseconds within the minute, summed, move whenever any row is stamped
// again, even in the millisecond of the newest.
const ORDERS_SQL = `SELECT count(*) AS n, sum(${dialect.rowWriteMark}) AS ids, max("updatedAt") AS newest,
  sum(${dialect.msWithinMinute('"updatedAt"')}) AS stamps,
  sum(${AUDITED.map((c) => `coalesce(length(CAST("${c}" AS TEXT)), 0)`).join(' + ')}) AS lengths
  FROM "Order" WHERE "caseId" = ${dialect.placeholder(1)}`;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * What the audit's result depends on, as one digest: an aggregate of the case's orders, the
 * promotions, the ship-from province, the thresholds and the rules' version. The aggregate is one
 * pass over the case's rows, about 40 ms of CPU at 50,000 orders (hashing every audited value
 * costs 130-250 ms, the rules 1-3 s). It moves with every change the app can make:
 * - every write to an order stamps updatedAt (Prisma's @updatedAt; lib/orders/bulk-insert.ts sets
 *   it too), which moves the newest stamp or the stamps' sum;
 * - an insert or a delete changes the count or the sum of row write marks (a SQLite rowid, a
 *   PostgreSQL xmin: a row deleted and inserted again gets a new one); an identical re-import
 *   writes nothing and keeps the key;
 * - the values' total length catches most edits made around the app (a script, a restore) that
 *   leave updatedAt alone. Such an edit that also keeps every length is the one case this key
 *   cannot see: any new write path must stamp updatedAt.
 */
export async function auditInputKey(caseId: string): Promise<string> {
  const [c, promotions, rows] = await Promise.all([
    db.case.findUniqueOrThrow({ where: { id: caseId }, select: { shipFromProvince: true } }),
    db.promotion.findMany({ where: { caseId }, select: { startsOn: true, endsOn: true }, orderBy: [{ startsOn: 'asc' }, { endsOn: 'asc' }] }),
    db.$queryRawUnsafe<Array<Record<string, unknown>>>(ORDERS_SQL, caseId),
  ]);
  return sha256(
    JSON.stringify({
      rules: RULES_VERSION,
      thresholds: AUDIT_THRESHOLDS,
      shipFrom: c.shipFromProvince,
      promotions: promotions.map((p) => [p.startsOn.toISOString(), p.endsOn.toISOString()]),
      // As text: JSON has no BigInt, and the values only need to compare equal.
      orders: Object.entries(rows[0] ?? {}).map(([k, v]) => `${k}=${v instanceof Date ? v.toISOString() : String(v)}`),
    }),
  );
}

const coverageSchema = z.object({ present: z.number(), unusable: z.number() });

// The stored JSON is read back through a schema: a row written by other code (or damaged) is a
// miss, never a wrongly typed result.
const storedSchema = z.object({
  findings: z.array(
    z.object({
      id: z.string(),
      rule: z.enum(RULE_IDS),
      severity: z.enum(SEVERITIES),
      orderNos: z.array(z.string()),
      params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
      explainedByPromotion: z.boolean().optional(),
    }),
  ),
  stats: z.object({
    orders: z.number(),
    durationMs: z.number(),
    contacts: z.record(z.enum(CONTACT_FIELDS), coverageSchema),
  }),
});

export type CachedAudit = AuditResult & { computedAt: Date; fromCache: boolean };

function readStored(result: string): AuditResult | undefined {
  try {
    const parsed = storedSchema.safeParse(JSON.parse(result));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The case's audit, from the AuditCache row while its inputs are unchanged, else computed and
 * stored: seconds of CPU at 50,000 orders, so only jobs and worker threads call it. The key is taken before the orders are read: an edit landing during the run stores the
 * new result under the old key, which the next request misses; the reverse could serve stale.
 */
export async function cachedAudit(caseId: string): Promise<CachedAudit> {
  const [inputKey, row] = await Promise.all([auditInputKey(caseId), db.auditCache.findUnique({ where: { caseId } })]);
  if (row && row.inputKey === inputKey) {
    const stored = readStored(row.result);
    if (stored) return { ...stored, computedAt: row.computedAt, fromCache: true };
  }
  // A page's layout (the navigator) and its body ask at the same moment: one run serves both.
  const flight = `${caseId}:${inputKey}`;
  const running = inFlight.get(flight) ?? computeAndStore(caseId, inputKey).finally(() => inFlight.delete(flight));
  inFlight.set(flight, running);
  return running;
}

const inFlight = new Map<string, Promise<CachedAudit>>();

/** The findings as ids, rules and severities: enough for the navigator's progress at any size. */
export type AuditSummary = { orders: number; findings: Array<[id: string, rule: RuleId, severity: Severity]> };

export function summarise(result: AuditResult): AuditSummary {
  return { orders: result.stats.orders, findings: result.findings.map((f) => [f.id, f.rule, f.severity]) };
}

const RULE_SET: ReadonlySet<string> = new Set(RULE_IDS);
const SEVERITY_SET: ReadonlySet<string> = new Set(SEVERITIES);

/** Checked by hand, not by a zod schema: the navigator reads this on every page, ~30,000 entries at 50,000 orders. */
function isSummary(value: unknown): value is AuditSummary {
  if (typeof value !== 'object' || value === null) return false;
  const { orders, findings } = value as Partial<AuditSummary>;
  return (
    typeof orders === 'number' &&
    Array.isArray(findings) &&
    findings.every((f) => Array.isArray(f) && f.length === 3 && typeof f[0] === 'string' && RULE_SET.has(f[1]) && SEVERITY_SET.has(f[2]))
  );
}

/**
 * The stored summary while the case's inputs are unchanged, else null (nothing is computed here:
 * callers on the request path queue the audit as a job instead). About 40 ms at 50,000 orders.
 */
export async function auditSummary(caseId: string): Promise<AuditSummary | null> {
  return (await storedSummary(caseId)).summary;
}

/** The stored summary when it matches the case's inputs (else null), and the key of those inputs. */
export async function storedSummary(caseId: string): Promise<{ summary: AuditSummary | null; inputKey: string }> {
  const [inputKey, row] = await Promise.all([auditInputKey(caseId), db.auditCache.findUnique({ where: { caseId }, select: { inputKey: true, summary: true } })]);
  if (!row || row.inputKey !== inputKey || row.summary === '') return { summary: null, inputKey };
  try {
    const parsed: unknown = JSON.parse(row.summary);
    return { summary: isSummary(parsed) ? parsed : null, inputKey };
  } catch {
    return { summary: null, inputKey };
  }
}

async function computeAndStore(caseId: string, inputKey: string): Promise<CachedAudit> {
  const result = await computeAudit(caseId);
  const computedAt = new Date();
  const data = { inputKey, result: JSON.stringify(result), summary: JSON.stringify(summarise(result)), computedAt };
  // The case may be deleted meanwhile; its cache row goes with it, so a failed write is harmless.
  await db.auditCache.upsert({ where: { caseId }, create: { caseId, ...data }, update: data }).catch(() => undefined);
  return { ...result, computedAt, fromCache: false };
}
