/**
 * The page to go back to after signing in. Only same-site paths are honoured,
 * so a crafted link cannot send a fresh session to another site.
 */
export function safeReturnTo(value: unknown, fallback = '/cases'): string {
  if (typeof value !== 'string' || value.length > 2000) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (/[\u0000-\u001F\u007F]/.test(value)) return fallback;
  return value;
}

export function loginUrl(returnTo: string): string {
  return `/login?next=${encodeURIComponent(safeReturnTo(returnTo))}`;
}
