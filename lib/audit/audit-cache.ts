import 'server-only';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { computeAudit } from './compute';
import type { AuditResult } from './run-audit';
import { AUDIT_THRESHOLDS } from './thresholds';
import { RULE_IDS, SEVERITIES } from './types';

/**
 * Bump when a rule, its wording's params or the carrier formats it checks change: stored results
 * made by older code then no longer match any key. (Thresholds are part of the key already.)
 */
export const RULES_VERSION = 1;

// Every column the rules read, quoted by SQLite itself so NULL, '' and 'NULL' stay distinct and a
// comma inside a value cannot shift the columns. Flagged is not an input: it is joined afterwards.
const AUDITED = ['orderNo', 'buyerName', 'buyerPhone', 'address', 'ip', 'orderedAt', 'paidAt', 'amountCents', 'itemTitle', 'quantity', 'trackingNo', 'carrier', 'shippedAt', 'signedAt', 'status', 'statusText', 'refundCents'];
const ORDERS_DIGEST_SQL = `SELECT count(*) AS n, coalesce(group_concat(r, char(10)), '') AS body FROM (SELECT ${AUDITED.map((c) => `quote("${c}")`).join(`||','||`)} AS r FROM "Order" WHERE "caseId" = ? ORDER BY "orderNo")`;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * What the audit's result depends on, as one digest: the orders' audited columns themselves (not
 * updatedAt, which a raw write or two edits in one millisecond can leave unchanged; an identical
 * re-import keeps the key), the promotions, the ship-from province, the thresholds and the rules'
 * version. Reading the columns in SQL and hashing one string costs a fraction of loading the rows
 * as objects and running the rules.
 */
export async function auditInputKey(caseId: string): Promise<string> {
  const [c, promotions, rows] = await Promise.all([
    db.case.findUniqueOrThrow({ where: { id: caseId }, select: { shipFromProvince: true } }),
    db.promotion.findMany({ where: { caseId }, select: { startsOn: true, endsOn: true }, orderBy: [{ startsOn: 'asc' }, { endsOn: 'asc' }] }),
    db.$queryRawUnsafe<Array<{ n: number | bigint; body: string }>>(ORDERS_DIGEST_SQL, caseId),
  ]);
  const orders = rows[0] ?? { n: 0, body: '' };
  return sha256(
    JSON.stringify({
      rules: RULES_VERSION,
      thresholds: AUDIT_THRESHOLDS,
      shipFrom: c.shipFromProvince,
      promotions: promotions.map((p) => [p.startsOn.toISOString(), p.endsOn.toISOString()]),
      orders: [String(orders.n), sha256(orders.body)],
    }),
  );
}

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
  stats: z.object({ orders: z.number(), durationMs: z.number() }),
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
 * stored. The key is taken before the orders are read: an edit landing during the run stores the
 * new result under the old key, which the next request misses; the reverse could serve stale.
 */
export async function cachedAudit(caseId: string): Promise<CachedAudit> {
  const [inputKey, row] = await Promise.all([auditInputKey(caseId), db.auditCache.findUnique({ where: { caseId } })]);
  if (row && row.inputKey === inputKey) {
    const stored = readStored(row.result);
    if (stored) return { ...stored, computedAt: row.computedAt, fromCache: true };
  }
  const result = await computeAudit(caseId);
  const computedAt = new Date();
  const data = { inputKey, result: JSON.stringify(result), computedAt };
  // The case may be deleted meanwhile; its cache row goes with it, so a failed write is harmless.
  await db.auditCache.upsert({ where: { caseId }, create: { caseId, ...data }, update: data }).catch(() => undefined);
  return { ...result, computedAt, fromCache: false };
}
