import { isAccusationKind, type AccusationKind } from '@/lib/platforms/accusations';
import type { RequirementId } from '@/lib/platforms/checklists';
import { formatCalendarDate } from '@/lib/schemas/dates';
import type { BasicsValues } from '@/lib/schemas/steps/basics';
import { parseStatement, type StatementValues } from '@/lib/schemas/steps/statement';
import type { ExhibitInfo } from '@/lib/statement/resolve';

/** The case fields the form, the review and completion read. A Prisma Case row fits it. */
export type CaseRecord = {
  title: string;
  platform: string;
  appealDeadline: Date | null;
  shopName: string;
  shopId: string;
  incidentKind: string;
  incidentDetail: string;
  noticeNumber: string;
  noticeDate: Date | null;
  noticeText: string;
  contactName: string;
  contactPhone: string;
  /** JSON array of accusation kinds (lib/platforms/accusations.ts). */
  accusations: string;
  statement: string;
  acknowledged: string;
};

/** Counts from the case's other tables (orders, evidence, the self-audit) that progress and review depend on. */
export type CaseFacts = {
  orderCount: number;
  flaggedCount: number;
  flaggedWithTracking: number;
  /** Flagged orders with at least one evidence file linked to them. */
  flaggedWithEvidence: number;
  evidenceCount: number;
  /** The self-audit's rule groups, and how many are explained or deliberately left out. */
  auditGroups: number;
  auditAnswered: number;
  /** The audit is being (re)computed after a change: its counts are not known yet. */
  auditPending: boolean;
  /** The case's exhibits as statement references name them (lib/statement/exhibits.ts); absent where not read. */
  exhibits?: readonly ExhibitInfo[];
  /** Checklist requirements not met yet (lib/checklist); absent where no checklist was read. */
  checklistUnmet?: readonly UnmetRequirement[];
};

export type UnmetRequirement = { id: RequirementId; state: 'missing' | 'partly' };

export const NO_FACTS: CaseFacts = { orderCount: 0, flaggedCount: 0, flaggedWithTracking: 0, flaggedWithEvidence: 0, evidenceCount: 0, auditGroups: 0, auditAnswered: 0, auditPending: false };

export function basicsValues(c: CaseRecord): BasicsValues {
  return {
    title: c.title,
    platform: c.platform,
    shopName: c.shopName,
    shopId: c.shopId,
    incidentKind: c.incidentKind,
    incidentDetail: c.incidentDetail,
    noticeNumber: c.noticeNumber,
    noticeDate: formatCalendarDate(c.noticeDate),
    appealDeadline: formatCalendarDate(c.appealDeadline),
    noticeText: c.noticeText,
    contactName: c.contactName,
    contactPhone: c.contactPhone,
    accusations: accusationKinds(c),
  };
}

export function statementValues(c: CaseRecord): StatementValues {
  return parseStatement(c.statement);
}

/** The accusations picked on the basics step; anything unknown in the stored JSON is dropped. */
export function accusationKinds(c: Pick<CaseRecord, 'accusations'>): AccusationKind[] {
  return jsonStrings(c.accusations).filter(isAccusationKind);
}

function jsonStrings(text: string): string[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function acknowledgedCodes(c: CaseRecord): string[] {
  return jsonStrings(c.acknowledged);
}
