export const CASE_STATUSES = ['draft', 'ready', 'exported'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export function toCaseStatus(value: string): CaseStatus {
  return (CASE_STATUSES as readonly string[]).includes(value) ? (value as CaseStatus) : 'draft';
}
