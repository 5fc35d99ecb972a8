import 'server-only';
import { createHash } from 'node:crypto';
import { runCaseAudit } from '@/lib/audit/case-audit';
import type { CaseCharts } from '@/lib/charts/case-charts';
import { loadCaseCharts } from '@/lib/charts/load';
import { statementText } from '@/lib/cases/statement-text';
import { db } from '@/lib/db/client';
import { EVIDENCE_CATEGORIES, EXHIBIT_LETTER, isEvidenceCategory, type EvidenceCategory } from '@/lib/evidence/categories';
import { plainDisplayText, safeDisplayName } from '@/lib/evidence/inspect/file-name';
import { checkTracking } from '@/lib/logistics/detect';
import { coverageRow, type CoverageRow } from '@/lib/orders/coverage';
import { orderDossiers, type DossierData } from './dossier-data';
import { linkedKindsByOrder } from '@/lib/orders/linked-evidence';
import { platformProfile } from '@/lib/platforms/profiles';
import type { RuleGroup } from '@/lib/audit/groups';
import type { Finding, RuleId } from '@/lib/audit/types';
import { collectChecklist, type BundleChecklist } from './checklist-data';

/** One exhibit as the bundle, the ZIP and the manifest show it. */
export type Exhibit = {
  evidenceId: string;
  /** C-003: the category letter and the position within the category. */
  exhibitId: string;
  category: EvidenceCategory;
  title: string;
  documentDate: Date | null;
  description: string;
  orderNos: string[];
  originalName: string;
  kind: string;
  mime: string;
  size: number;
  sha256: string;
  uploadedAt: Date;
  storageKey: string;
  /** The upright, metadata-free 1600 px JPEG made at upload (images only). */
  previewKey: string | null;
  checkStatus: string;
  checkReason: string;
  /** A video's probed facts (lib/media/probe-facts.ts); null for other kinds or when ffprobe could not read it. */
  video?: { seconds: number; width: number; height: number; codec: string; createdAt: Date | null } | null;
  /** The merchant left out this original (it says where the photo was taken): not in the ZIP nor attached; its hash stays listed. */
  omitOriginal?: boolean;
};

export type FlaggedOrder = {
  orderNo: string;
  orderedAt: Date | null;
  amountCents: number | null;
  itemTitle: string;
  carrier: string;
  trackingNo: string;
  exhibitIds: string[];
  coverage: CoverageRow;
};

export type IncludedFinding = Pick<Finding, 'id' | 'rule' | 'severity' | 'orderNos' | 'params' | 'explainedByPromotion'> & {
  /** The finding's own explanation, only where it differs from its rule's (printed once above it). */
  explanation: string;
};

/** A rule as the bundle prints it: its explanation once, then the findings that go in. */
export type IncludedRule = {
  rule: RuleId;
  explanation: string;
  findings: IncludedFinding[];
  orderCount: number;
};

/** Everything the bundle prints, read once from the database. */
export type BundleData = {
  caseId: string;
  language: 'zh-CN' | 'en';
  maxBundleMB: number;
  case: {
    title: string;
    platform: string;
    shopName: string;
    shopId: string;
    noticeNumber: string;
    noticeDate: Date | null;
    /** The platform's notice as pasted, trimmed; '' leaves its section out. */
    noticeText: string;
    appealDeadline: Date | null;
    contactName: string;
    incidentKind: string;
  };
  statement: string;
  flaggedOrders: FlaggedOrder[];
  /** The self-audit by rule; rules and findings the merchant left out are absent. */
  audit: IncludedRule[];
  /** In bundle order: by category (EVIDENCE_CATEGORIES), then position. */
  exhibits: Exhibit[];
  /** The platform's checklist for the accusations picked (its own page after the contents); null: none picked. */
  checklist: BundleChecklist | null;
  /** A page per flagged order after the orders table (lib/export/dossier-pages.ts), parallel to flaggedOrders. */
  dossiers: DossierData;
  /** The self-audit's pictures, drawn from the findings that go in (lib/charts). */
  charts: CaseCharts;
};

export function exhibitIdOf(category: EvidenceCategory, position: number): string {
  return `${EXHIBIT_LETTER[category]}-${String(position).padStart(3, '0')}`;
}

export async function collectBundleData(caseId: string): Promise<BundleData> {
  const [c, evidence, flagged, linked, audit, checklist] = await Promise.all([
    db.case.findUniqueOrThrow({ where: { id: caseId } }),
    db.evidence.findMany({ where: { caseId }, include: { orders: { select: { order: { select: { orderNo: true } } } } } }),
    db.order.findMany({ where: { caseId, flagged: true }, orderBy: [{ orderedAt: 'asc' }, { orderNo: 'asc' }] }),
    linkedKindsByOrder(caseId),
    runCaseAudit(caseId),
    collectChecklist(caseId),
  ]);
  const rank = (cat: string) => EVIDENCE_CATEGORIES.indexOf(cat as EvidenceCategory);
  const exhibits: Exhibit[] = evidence
    .filter((e) => isEvidenceCategory(e.category))
    .sort((a, b) => rank(a.category) - rank(b.category) || a.position - b.position || a.uploadedAt.getTime() - b.uploadedAt.getTime())
    .map((e) => {
      const category = e.category as EvidenceCategory;
      return {
        evidenceId: e.id,
        exhibitId: exhibitIdOf(category, e.position),
        category,
        // Names and titles pass the shared display rule here, once, for every caption, line and entry after.
        title: plainDisplayText(e.title) || safeDisplayName(e.originalName),
        documentDate: e.documentDate,
        description: e.description,
        orderNos: e.orders.map((o) => o.order.orderNo).sort(),
        originalName: safeDisplayName(e.originalName),
        kind: e.kind,
        mime: e.mime,
        size: e.size,
        sha256: e.sha256,
        uploadedAt: e.uploadedAt,
        storageKey: e.storageKey,
        previewKey: e.previewKey,
        checkStatus: e.checkStatus,
        checkReason: e.checkReason,
        omitOriginal: e.omitOriginal && e.hasLocation === true,
        video: e.videoSeconds && e.videoWidth && e.videoHeight ? { seconds: e.videoSeconds, width: e.videoWidth, height: e.videoHeight, codec: e.videoCodec ?? '', createdAt: e.videoCreatedAt } : null,
      };
    });
  const exhibitsByOrder = new Map<string, string[]>();
  for (const x of exhibits) for (const no of x.orderNos) exhibitsByOrder.set(no, [...(exhibitsByOrder.get(no) ?? []), x.exhibitId]);

  const profile = platformProfile(c.platform);
  const included = audit.groups.map(includedRule).filter((g) => g.findings.length > 0);
  return {
    caseId,
    language: profile.documentLanguage,
    maxBundleMB: profile.maxBundleMB,
    case: {
      title: c.title,
      platform: c.platform,
      shopName: c.shopName,
      shopId: c.shopId,
      noticeNumber: c.noticeNumber,
      noticeDate: c.noticeDate,
      noticeText: c.noticeText.trim(),
      appealDeadline: c.appealDeadline,
      contactName: c.contactName,
      incidentKind: c.incidentKind,
    },
    // With its references' keys: the statement pages print them with their exhibits' pages (lib/export/statement-pages.ts).
    statement: statementText(c).stored,
    flaggedOrders: flagged.map((o) => ({
      orderNo: o.orderNo,
      orderedAt: o.orderedAt,
      amountCents: o.amountCents,
      itemTitle: o.itemTitle ?? '',
      carrier: o.carrier ?? '',
      trackingNo: o.trackingNo ?? '',
      exhibitIds: exhibitsByOrder.get(o.orderNo) ?? [],
      coverage: coverageRow(o.orderNo, checkTracking({ trackingNo: o.trackingNo ?? '', carrierName: o.carrier ?? undefined }).status, linked.get(o.orderNo) ?? new Set()),
    })),
    audit: included,
    exhibits,
    checklist,
    dossiers: orderDossiers(flagged, new Date()),
    charts: await loadCaseCharts(caseId, included.flatMap((g) => g.findings)),
  };
}

/**
 * What of a rule group goes into the bundle. A rule left out prints no explanation of its own, so a
 * finding put back in by its override then carries its explanation itself.
 */
export function includedRule(g: RuleGroup): IncludedRule {
  const ruleText = g.include ? (g.ruleNote?.explanation.trim() ?? '') : '';
  const findings = g.findings
    .filter((f) => f.include)
    .map((f) => ({
      id: f.id,
      rule: f.rule,
      severity: f.severity,
      orderNos: f.orderNos,
      params: f.params,
      explainedByPromotion: f.explainedByPromotion,
      explanation: f.explanation.trim() === ruleText ? '' : f.explanation.trim(),
    }));
  return { rule: g.rule, explanation: ruleText, findings, orderCount: new Set(findings.flatMap((f) => f.orderNos)).size };
}

/**
 * Identifies what a bundle would contain: the same data and options give the
 * same fingerprint, so an unchanged case reuses its stored bundle and any edit
 * (a field, an order, a file, an explanation) makes a new one.
 */
export function bundleFingerprint(data: BundleData, options: object): string {
  return createHash('sha256').update(JSON.stringify({ v: 1, data, options })).digest('hex').slice(0, 32);
}
