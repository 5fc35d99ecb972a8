const SAFE_SEGMENT = /^[A-Za-z0-9_-]{1,64}$/;

function segment(value: string): string {
  if (!SAFE_SEGMENT.test(value)) throw new Error(`unsafe storage key segment: ${JSON.stringify(value)}`);
  return value;
}

/** Everything stored for a case lives under this prefix. */
export function casePrefix(caseId: string): string {
  return `cases/${segment(caseId)}/`;
}
