import { z } from 'zod';
import { REQUIREMENT_IDS, type RequirementId } from '@/lib/platforms/checklists';
import { multiLine, optionalText } from './text';

/** Longest reason a merchant can give for a requirement they cannot meet; a reviewer reads it on one page. */
export const MAX_REASON_CHARS = 500;

const requirementId = z.enum(REQUIREMENT_IDS);

/**
 * Which requirements a file answers, as the evidence item's ticks send them: `mode` 'default'
 * goes back to what its category answers; 'custom' stores the ticked ids. `shown` names the
 * requirements the form listed, so ticks for requirements of other accusations are kept.
 */
export const requirementTicksSchema = z.object({
  caseId: z.string().min(1).max(64),
  evidenceId: z.string().min(1).max(64),
  mode: z.enum(['default', 'custom']),
  ticked: z.array(requirementId).max(REQUIREMENT_IDS.length),
  shown: z.array(requirementId).max(REQUIREMENT_IDS.length),
});

/** One requirement's "cannot provide" reason; empty removes it (and brings the warning back). */
export const checklistReasonSchema = z.object({
  caseId: z.string().min(1).max(64),
  requirementId,
  reason: optionalText(multiLine(MAX_REASON_CHARS)),
});

/** Evidence.requirementIds as stored: null (or anything unreadable) means "what the category answers". */
export function parseRequirementIds(text: string | null): RequirementId[] | null {
  if (text === null) return null;
  const parsed = z.array(z.string()).safeParse(safeJson(text));
  return parsed.success ? parsed.data.filter((id): id is RequirementId => requirementId.safeParse(id).success) : null;
}

/** Case.checklistReasons as stored; unknown ids and non-text values are dropped. */
export function parseChecklistReasons(text: string): Partial<Record<RequirementId, string>> {
  const parsed = z.record(z.string(), z.unknown()).safeParse(safeJson(text));
  if (!parsed.success) return {};
  const reasons: Partial<Record<RequirementId, string>> = {};
  for (const [id, reason] of Object.entries(parsed.data)) {
    const known = requirementId.safeParse(id);
    if (known.success && typeof reason === 'string' && reason.trim()) reasons[known.data] = reason;
  }
  return reasons;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
