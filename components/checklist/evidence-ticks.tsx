import type { RequirementStatus } from '@/lib/platforms';
import { parseRequirementIds } from '@/lib/schemas/checklist';
import { RequirementTicks } from './requirement-ticks';

type Props = { caseId: string; file: { id: string; category: string; requirementIds: string | null }; checklist: readonly RequirementStatus[] | null };

/** The ticks on one evidence item: nothing until the case has a checklist; pre-ticked from its category until the merchant ticks. */
export function EvidenceTicks({ caseId, file, checklist }: Props) {
  if (!checklist || checklist.length === 0) return null;
  const stored = parseRequirementIds(file.requirementIds);
  const items = checklist.map((s) => s.item);
  const answered = items.filter((item) => (stored ? stored.includes(item.id) : (item.categories as readonly string[]).includes(file.category))).map((item) => item.id);
  return (
    <RequirementTicks
      // Remounted with what was stored after each save, so the ticks never show a stale state.
      key={`${stored ? 'custom' : 'default'}:${answered.join(',')}`}
      caseId={caseId}
      evidenceId={file.id}
      requirements={items.map((item) => item.id)}
      answered={answered}
      isDefault={!stored}
    />
  );
}
