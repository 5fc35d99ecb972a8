import 'server-only';
import { loadCaseCharts } from '@/lib/charts/load';
import { runCaseAudit } from './case-audit';
import { findingsPage, type ResolvedFinding, type RuleGroup } from './groups';
import type { RuleId } from './types';

export type AuditViewArgs = { caseId: string; pages: Partial<Record<RuleId, number>> };

/** A rule group as the page renders it: its counts, and only the findings of the page shown. */
export type GroupView = Omit<RuleGroup, 'findings'> & { findingCount: number; items: ResolvedFinding[]; page: number; pages: number };

/**
 * The audit step's data, built on a worker thread: grouping and resolving tens of thousands of
 * findings costs hundreds of milliseconds, and only a page of each group crosses back.
 */
export async function auditView({ caseId, pages }: AuditViewArgs) {
  const { groups, ...rest } = await runCaseAudit(caseId);
  // The charts bin every order here too, on the same thread: a few milliseconds beside the read.
  const charts = await loadCaseCharts(caseId, groups.flatMap((g) => g.findings));
  return {
    ...rest,
    charts,
    groups: groups.map(({ findings, ...group }): GroupView => {
      const { items, page, pages: count } = findingsPage({ ...group, findings }, pages[group.rule] ?? 1);
      return { ...group, findingCount: findings.length, items, page, pages: count };
    }),
  };
}
