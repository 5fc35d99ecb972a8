const SAFE_SEGMENT = /^[A-Za-z0-9_-]{1,64}$/;
const KEY_PATTERN = /^(?:[A-Za-z0-9_.-]+\/)*[A-Za-z0-9_.-]+\/?$/;

function segment(value: string): string {
  if (!SAFE_SEGMENT.test(value)) throw new Error(`unsafe storage key segment: ${JSON.stringify(value)}`);
  return value;
}

/** Everything stored for a case lives under this prefix. */
export function casePrefix(caseId: string): string {
  return `cases/${segment(caseId)}/`;
}

/**
 * Refuses a key either backend could read differently: a folder walk (`..`), an absolute path,
 * an empty segment, or characters a bucket would percent-encode. Both stores check the same way,
 * so a key that works on disk works in a bucket.
 */
export function checkedKey(key: string): string {
  if (!KEY_PATTERN.test(key) || key.split('/').some((part) => part === '.' || part === '..')) {
    throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
  }
  return key;
}

/** A prefix for list and deletePrefix: a valid key ending with '/'. */
export function checkedPrefix(prefix: string): string {
  if (!prefix.endsWith('/')) throw new Error('prefix must end with /');
  return checkedKey(prefix);
}
