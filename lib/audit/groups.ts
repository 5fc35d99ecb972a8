import type { Finding, RuleId } from './types';

/** A merchant's explanation as stored (AuditNote): the text and whether it goes into the bundle. */
export type NoteView = { explanation: string; include: boolean };

/** The AuditNote findingId under which a rule's one explanation for all its findings is stored. */
export const ruleNoteId = (rule: RuleId): string => `rule:${rule}`;

/**
 * Where a finding's effective explanation comes from: its own override, the rule's
 * explanation, or nothing yet. Its inclusion follows the same order.
 */
export type NoteSource = 'finding' | 'rule' | 'none';

export type ResolvedFinding = Finding & {
  flaggedOrders: number;
  /** The finding's own override, when the merchant wrote one. */
  override?: NoteView;
  explanation: string;
  include: boolean;
  source: NoteSource;
};

export type RuleGroup = {
  rule: RuleId;
  findings: ResolvedFinding[];
  /** Distinct orders across the group's findings (a waybill and a phone finding may share orders). */
  orderCount: number;
  flaggedCount: number;
  severities: Partial<Record<string, number>>;
  ruleNote?: NoteView;
  /** Whether the rule as a whole goes into the bundle (its note's include, or the default). */
  include: boolean;
  /** Explained for all (rule-wide or each finding its own), or deliberately left out. */
  answered: boolean;
};

/**
 * Tracking-format notes ('info') are for the merchant, not the reviewer: out of the bundle unless
 * the merchant puts them in. Everything else goes in unless left out.
 */
export function defaultInclude(severity: string): boolean {
  return severity !== 'info';
}

/**
 * A finding's own note overrides the rule's: its include always, its text when it has any
 * (an empty override keeps the rule's wording, so unticking one finding needs no retyping).
 */
export function resolveNote(f: Pick<Finding, 'severity'>, own: NoteView | undefined, rule: NoteView | undefined): Pick<ResolvedFinding, 'explanation' | 'include' | 'source'> {
  const ownText = own?.explanation.trim() ?? '';
  const ruleText = rule?.explanation.trim() ?? '';
  const include = own?.include ?? rule?.include ?? defaultInclude(f.severity);
  if (ownText) return { explanation: own?.explanation ?? '', include, source: 'finding' };
  if (ruleText) return { explanation: rule?.explanation ?? '', include, source: 'rule' };
  return { explanation: '', include, source: own ? 'finding' : 'none' };
}

/**
 * The findings grouped by rule (groups in the order their first finding is listed, i.e. most
 * serious first), each finding with its effective explanation and inclusion.
 */
export function groupFindings(findings: readonly Finding[], notes: ReadonlyMap<string, NoteView>, flagged: ReadonlySet<string>): RuleGroup[] {
  const byRule = new Map<RuleId, Finding[]>();
  for (const f of findings) {
    const list = byRule.get(f.rule);
    if (list) list.push(f);
    else byRule.set(f.rule, [f]);
  }
  return [...byRule].map(([rule, list]) => {
    const ruleNote = notes.get(ruleNoteId(rule));
    const orders = new Set(list.flatMap((f) => f.orderNos));
    const severities: Partial<Record<string, number>> = {};
    for (const f of list) severities[f.severity] = (severities[f.severity] ?? 0) + 1;
    const resolved = list.map((f): ResolvedFinding => {
      const override = notes.get(f.id);
      return { ...f, flaggedOrders: f.orderNos.filter((no) => flagged.has(no)).length, override, ...resolveNote(f, override, ruleNote) };
    });
    const include = ruleNote?.include ?? list.some((f) => defaultInclude(f.severity));
    // Per finding, so a rule left out with one finding put back in still needs that one explained.
    const answered = resolved.every((f) => f.explanation.trim() !== '' || !f.include);
    return {
      rule,
      findings: resolved,
      orderCount: orders.size,
      flaggedCount: [...orders].filter((no) => flagged.has(no)).length,
      severities,
      ruleNote,
      include,
      answered,
    };
  });
}

export const FINDINGS_PER_PAGE = 10;

/** One page of a group's findings (1-based, clamped), so the browser never receives thousands. */
export function findingsPage(group: RuleGroup, page: number, perPage = FINDINGS_PER_PAGE) {
  const pages = Math.max(1, Math.ceil(group.findings.length / perPage));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  return { items: group.findings.slice((current - 1) * perPage, current * perPage), page: current, pages };
}
