import 'server-only';
import { promotionWindow } from '@/lib/audit/compute';
import { runCaseAudit } from '@/lib/audit/case-audit';
import { CHINA_OFFSET_MINUTES } from '@/lib/audit/rules/burst';
import type { Finding } from '@/lib/audit/types';
import { accusationKinds } from '@/lib/cases/snapshot';
import { db } from '@/lib/db/client';
import { EVIDENCE_CATEGORIES, isEvidenceCategory } from '@/lib/evidence/categories';
import { plainDisplayText, safeDisplayName } from '@/lib/evidence/inspect/file-name';
import { exhibitIdOf } from '@/lib/export/collect';
import { checkTracking } from '@/lib/logistics/detect';
import { EVIDENCE_KINDS, coverageRow } from '@/lib/orders/coverage';
import { linkedKindsByOrder } from '@/lib/orders/linked-evidence';
import { platformProfile } from '@/lib/platforms/profiles';
import type { DraftFacts } from './draft';

/** Flagged orders cited one by one in the draft; the rest are counted ("and 40 more"). */
export const FLAGGED_SAMPLE = 5;

export type DraftFactsArgs = { caseId: string; audit: boolean };

/**
 * What the draft may say, read from the case's tables. `audit`: the stored self-check is current
 * (lib/audit/audit-job.ts auditState); without it the findings are left out, never computed here.
 * A flagged-order pass and the stored audit's parse: run it through offThread (lib/jobs/tasks.ts).
 */
export async function draftFacts({ caseId, audit }: DraftFactsArgs): Promise<DraftFacts> {
  const [c, flagged, linked, evidence, promotions, groups] = await Promise.all([
    db.case.findUniqueOrThrow({ where: { id: caseId }, select: { platform: true, noticeNumber: true, noticeDate: true, accusations: true } }),
    db.order.findMany({ where: { caseId, flagged: true }, select: { orderNo: true, trackingNo: true, carrier: true }, orderBy: [{ orderedAt: 'asc' }, { orderNo: 'asc' }] }),
    linkedKindsByOrder(caseId),
    db.evidence.findMany({ where: { caseId }, select: { category: true, position: true, title: true, originalName: true }, orderBy: [{ position: 'asc' }] }),
    db.promotion.findMany({ where: { caseId }, orderBy: { startsOn: 'asc' } }),
    audit ? runCaseAudit(caseId).then((a) => a.groups) : Promise.resolve(null),
  ]);
  const coverage = Object.fromEntries(EVIDENCE_KINDS.map((k) => [k, 0])) as DraftFacts['coverage'];
  for (const o of flagged) {
    const row = coverageRow(o.orderNo, checkTracking({ trackingNo: o.trackingNo ?? '', carrierName: o.carrier ?? undefined }).status, linked.get(o.orderNo) ?? new Set());
    for (const k of EVIDENCE_KINDS) if (row.has[k]) coverage[k] += 1;
  }
  const findings = groups?.flatMap((g) => g.findings) ?? [];
  const bursts = findings.filter((f) => (f.rule === 'burstDay' || f.rule === 'burstHour') && f.explainedByPromotion && f.include);
  return {
    language: platformProfile(c.platform).documentLanguage,
    noticeNumber: c.noticeNumber,
    noticeDate: c.noticeDate,
    accusations: accusationKinds(c),
    flaggedCount: flagged.length,
    flaggedSample: flagged.slice(0, FLAGGED_SAMPLE).map((o) => o.orderNo),
    coverage,
    promotions: promotions.map((p) => ({ name: p.name, startsOn: p.startsOn, endsOn: p.endsOn, channels: p.channels, bursts: bursts.filter((f) => overlaps(f, promotionWindow(p))).length })),
    explanations: (groups ?? []).flatMap((g) => {
      // One entry per distinct explanation of the rule's findings that go into the bundle.
      const byText = new Map<string, Set<string>>();
      for (const f of g.findings.filter((x) => x.include && x.explanation.trim() !== '')) {
        const orders = byText.get(f.explanation.trim()) ?? new Set<string>();
        for (const no of f.orderNos) orders.add(no);
        byText.set(f.explanation.trim(), orders);
      }
      return [...byText].map(([text, orders]) => ({ rule: g.rule, text, orders: orders.size }));
    }),
    exhibits: evidence
      .flatMap((e) => (isEvidenceCategory(e.category) ? [{ ...e, category: e.category }] : []))
      .sort((a, b) => EVIDENCE_CATEGORIES.indexOf(a.category) - EVIDENCE_CATEGORIES.indexOf(b.category) || a.position - b.position)
      .map((e) => ({ exhibitId: exhibitIdOf(e.category, e.position), category: e.category, title: plainDisplayText(e.title) || safeDisplayName(e.originalName) })),
  };
}

/** A burst's day or hour (China time, as the rule bucketed it) against a promotion's window. */
function overlaps(f: Finding, window: { start: Date; end: Date }): boolean {
  const date = String(f.params.date ?? '');
  const hour = typeof f.params.hour === 'number' ? f.params.hour : null;
  const start = Date.parse(`${date}T00:00:00Z`) - CHINA_OFFSET_MINUTES * 60_000 + (hour ?? 0) * 3_600_000;
  if (Number.isNaN(start)) return false;
  const end = start + (hour === null ? 24 : 1) * 3_600_000;
  return window.start.getTime() < end && window.end.getTime() > start;
}
