import type { EvidenceKind } from '@/lib/orders/coverage';

/** Evidence categories, in bundle order; each has a hint in the message files (evidence.categories). */
export const EVIDENCE_CATEGORIES = [
  'notice',
  'invoice',
  'supply',
  'chat',
  'logistics',
  'review',
  'virtualDelivery',
  'staff',
  'promotion',
  'other',
] as const;
export type EvidenceCategory = (typeof EVIDENCE_CATEGORIES)[number];

/** The letter of a category's exhibit ids (C-003 is the third chat log): stable, never reused. */
export const EXHIBIT_LETTER: Record<EvidenceCategory, string> = {
  notice: 'A',
  invoice: 'B',
  supply: 'S',
  chat: 'C',
  logistics: 'E',
  review: 'R',
  virtualDelivery: 'V',
  staff: 'W',
  promotion: 'P',
  other: 'O',
};

/** Which coverage kind (lib/orders/coverage.ts) evidence of a category gives the orders it is linked to. */
export const COVERS: Partial<Record<EvidenceCategory, EvidenceKind>> = {
  invoice: 'invoice',
  chat: 'chat',
  logistics: 'logisticsProof',
  review: 'review',
};

export function isEvidenceCategory(value: string): value is EvidenceCategory {
  return (EVIDENCE_CATEGORIES as readonly string[]).includes(value);
}
