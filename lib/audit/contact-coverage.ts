import type { OrderRecord } from '@/lib/orders/types';
import { contactKey } from './rules/contact-value';
import { isStreetLevel } from './rules/same-contact';

export const CONTACT_FIELDS = ['buyerPhone', 'address', 'ip'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** Orders with a value in the field, and how many of those values the contact rules cannot compare. */
export type ContactCoverage = Record<ContactField, { present: number; unusable: number }>;

/**
 * How much of the contact data the same-phone/address/IP rules could actually compare. Masked,
 * encrypted and region-only values are never a match (contact-value.ts), so without this count a
 * shop imported with masking on (the default) would read "no shared phones" where nothing was
 * checked; the page says which checks did not run and how to make them run.
 */
export function contactCoverage(orders: readonly OrderRecord[]): ContactCoverage {
  const coverage = { buyerPhone: { present: 0, unusable: 0 }, address: { present: 0, unusable: 0 }, ip: { present: 0, unusable: 0 } };
  // Masked values repeat (张*, 138****5678, one district for many buyers): judge each text once.
  const judged = new Map<string, boolean>();
  for (const order of orders) {
    for (const field of CONTACT_FIELDS) {
      const raw = order[field]?.trim();
      if (!raw) continue;
      const memo = `${field}\u0000${raw}`;
      let usable = judged.get(memo);
      if (usable === undefined) {
        const key = contactKey(field, raw);
        usable = key !== undefined && (field !== 'address' || isStreetLevel(key));
        judged.set(memo, usable);
      }
      coverage[field].present++;
      if (!usable) coverage[field].unusable++;
    }
  }
  return coverage;
}
