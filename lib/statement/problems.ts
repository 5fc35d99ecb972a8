import type { Problem } from '@/lib/cases/review';
import { STATEMENT_SECTIONS, type StatementSection, type StatementValues } from '@/lib/schemas/steps/statement';
import { referencedEvidence, resolveReferences, type ExhibitInfo } from './resolve';

// Plans for the future prove nothing yet: only sections that state facts are asked for proof.
const CLAIM_SECTIONS: readonly StatementSection[] = STATEMENT_SECTIONS.filter((s) => s !== 'prevention');
const EXCERPT = 30;
const IDS_SHOWN = 12;

/** A short, stable digest (FNV-1a), so a warning's code changes when its paragraph does and comes back after an edit. */
function digest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** Punctuation that ends or joins a sentence: the message's own punctuation follows the quoted excerpt. */
const TRAILING = /[\s。．.，,、；;：:！!？?]+$/u;

/** The paragraph's start, quoted by the message as “…”。: without its own closing punctuation, which would double up ("。”。"). */
function excerpt(paragraph: string, exhibits: readonly ExhibitInfo[]): string {
  const plain = resolveReferences(paragraph, exhibits).map((s) => (s.kind === 'text' ? s.text : '')).join('').trim();
  const chars = Array.from(plain);
  const cut = chars.length > EXCERPT;
  const start = (cut ? chars.slice(0, EXCERPT).join('') : plain).replace(TRAILING, '');
  // A paragraph of nothing but punctuation is quoted as it stands rather than as nothing.
  if (!start) return plain;
  return cut ? `${start}…` : start;
}

/**
 * The review's advice about references (shown, never blocking: a statement can be honest without
 * a reference in every line, and the merchant decides): references that print nothing (their
 * exhibit was deleted, or no exhibit has the typed id), paragraphs that refer to no exhibit, and
 * exhibits no paragraph mentions. Each has its own code, so acknowledging one hides no other.
 */
export function referenceProblems(values: StatementValues, exhibits: readonly ExhibitInfo[]): Problem[] {
  const problems: Problem[] = [];
  const written = STATEMENT_SECTIONS.filter((s) => values[s].trim() !== '');
  if (written.length === 0) return problems;
  for (const section of written) {
    for (const s of resolveReferences(values[section], exhibits)) {
      if (s.kind !== 'dangling') continue;
      const code = `references.dangling.${section}.${digest(s.raw)}`;
      if (!problems.some((p) => p.code === code)) problems.push({ code, severity: 'advice', step: 'statement', field: section, ...(s.exhibitId ? { message: 'danglingReference', params: { reference: s.exhibitId } } : { message: 'deletedReference' }) });
    }
  }
  // With no exhibits at all, "add evidence" is the review's error already; a warning per paragraph would only repeat it.
  if (exhibits.length === 0) return problems;
  for (const section of written.filter((s) => CLAIM_SECTIONS.includes(s))) {
    for (const paragraph of values[section].split(/\r\n|\r|\n/).map((p) => p.trim()).filter(Boolean)) {
      if (referencedEvidence(paragraph, exhibits).size > 0) continue;
      problems.push({ code: `references.unproven.${section}.${digest(paragraph)}`, severity: 'advice', step: 'statement', field: section, message: 'unprovenParagraph', params: { excerpt: excerpt(paragraph, exhibits) } });
    }
  }
  const mentioned = referencedEvidence(written.map((s) => values[s]).join('\n'), exhibits);
  const unmentioned = exhibits.filter((x) => !mentioned.has(x.evidenceId)).map((x) => x.exhibitId);
  if (unmentioned.length > 0) {
    const ids = unmentioned.slice(0, IDS_SHOWN).join(', ') + (unmentioned.length > IDS_SHOWN ? ' …' : '');
    problems.push({ code: `references.unmentioned.${digest(unmentioned.join(','))}`, severity: 'advice', step: 'statement', message: 'unmentionedExhibits', params: { count: unmentioned.length, ids } });
  }
  return problems;
}
