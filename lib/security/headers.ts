/**
 * The security headers of every response, built in one place: proxy.ts sets them on pages (with a
 * fresh nonce), next.config.ts on /api. Pure functions, so a unit test reads the exact policy.
 */

/** A fresh, unguessable value per page view: only scripts carrying it may run. */
export function newNonce(): string {
  return Buffer.from(crypto.randomUUID()).toString('base64');
}

type PageOptions = { nonce: string; https: boolean; dev: boolean };

/**
 * The pages' policy. Scripts: Next.js hydrates with inline scripts, which it marks with the nonce
 * it reads back from this header; 'strict-dynamic' lets those load the page's chunks. Styles:
 * React's `style` attributes cannot carry a nonce, so inline styles stay allowed (a nonce in the
 * list would switch 'unsafe-inline' off). Images: thumbnails come from our own API; data: for
 * icons in CSS. Nothing may frame a page, post a form elsewhere or move the base URL.
 */
export function pageCsp({ nonce, https, dev }: PageOptions): string {
  return [
    "default-src 'self'",
    // React in development rebuilds server error stacks with eval; production never needs it.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // On plain http (a LAN address, localhost) upgrading would break every request.
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/**
 * API responses (JSON, downloads, originals) are data, never documents: should a browser render
 * one anyway, it runs nothing, loads nothing and counts as a foreign origin (sandbox).
 */
export const API_CSP = "sandbox; default-src 'none'; frame-ancestors 'none'";

/** One year: what the HSTS preload list asks for; subdomains are the operator's to decide. */
const HSTS = 'max-age=31536000';

/** The headers every response gets, pages and API alike, apart from the CSP. */
export function commonSecurityHeaders({ https }: { https: boolean }): Record<string, string> {
  return {
    // Case ids are in our URLs: no other site learns them through the Referer header. Same-origin
    // requests keep it, so the browser's Origin on a form post stays ours (under no-referrer it
    // becomes "null", and Next.js refuses a server action posted before hydration).
    'Referrer-Policy': 'same-origin',
    'X-Content-Type-Options': 'nosniff',
    // frame-ancestors says the same to current browsers; this is for the old ones.
    'X-Frame-Options': 'DENY',
    // Only when the configured URL is https: HSTS on plain http is ignored, and a mistaken one
    // would lock users out of an http deployment for a year.
    ...(https ? { 'Strict-Transport-Security': HSTS } : {}),
  };
}
