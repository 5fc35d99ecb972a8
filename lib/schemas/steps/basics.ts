import { z } from 'zod';
import { ACCUSATION_KINDS, type AccusationKind } from '@/lib/platforms/accusations';
import { PLATFORM_IDS } from '@/lib/platforms/profiles';
import { CASE_TITLE_MAX } from '../case';
import { optionalCalendarDateSchema, requiredCalendarDateSchema } from '../dates';
import { draftText, multiLine, optionalText, singleLine } from '../text';

export const INCIDENT_KINDS = ['platformFlag', 'policeInquiry', 'other'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export const BASICS_MAX = {
  title: CASE_TITLE_MAX,
  shopName: 60,
  shopId: 40,
  incidentDetail: 500,
  noticeNumber: 60,
  // A notice pasted whole, with the order list some platforms append: long, but bounded.
  noticeText: 10_000,
  contactName: 30,
  contactPhone: 24,
} as const;

/** The step's values as the form holds them: strings, dates as YYYY-MM-DD ('' when empty). */
export type BasicsValues = {
  title: string;
  platform: string;
  shopName: string;
  shopId: string;
  incidentKind: string;
  incidentDetail: string;
  noticeNumber: string;
  noticeDate: string;
  appealDeadline: string;
  /** The platform's notice as pasted; optional, printed in the bundle after the cover. */
  noticeText: string;
  contactName: string;
  contactPhone: string;
  /** What the platform accuses the shop of (several allowed); picks the evidence checklist. */
  accusations: AccusationKind[];
};

/**
 * What autosave stores: any subset of the fields, as typed, within hard caps.
 * A draft may be incomplete or not yet valid; it is never refused for that,
 * so nothing the merchant typed is lost.
 */
export const basicsDraftSchema = z
  .object({
    title: draftText(BASICS_MAX.title),
    platform: z.enum(PLATFORM_IDS),
    shopName: draftText(BASICS_MAX.shopName),
    shopId: draftText(BASICS_MAX.shopId),
    incidentKind: z.union([z.enum(INCIDENT_KINDS), z.literal('')]),
    incidentDetail: draftText(BASICS_MAX.incidentDetail),
    noticeNumber: draftText(BASICS_MAX.noticeNumber),
    noticeDate: optionalCalendarDateSchema,
    appealDeadline: optionalCalendarDateSchema,
    noticeText: draftText(BASICS_MAX.noticeText),
    contactName: draftText(BASICS_MAX.contactName),
    contactPhone: draftText(BASICS_MAX.contactPhone),
    accusations: z.array(z.enum(ACCUSATION_KINDS)).max(ACCUSATION_KINDS.length),
  })
  .partial();
export type BasicsDraft = z.output<typeof basicsDraftSchema>;

/**
 * Mainland mobile (11 digits from 13x to 19x), a landline with its area code,
 * or an international number in +<country><number> form; spaces and dashes are
 * ignored, and +86 / 0086 before a mainland number is fine.
 */
export function isPhoneNumber(raw: string): boolean {
  const s = raw.replace(/[\s()-]/g, '');
  const mainland = s.replace(/^(?:\+86|0086)/, '');
  return /^1[3-9]\d{9}$/.test(mainland) || /^0\d{2,3}\d{7,8}$/.test(mainland) || /^\+[1-9]\d{6,14}$/.test(s);
}

/** What a complete step must satisfy: the form shows these errors beside the fields, the review lists them. */
export const basicsSchema = z
  .object({
    title: singleLine(BASICS_MAX.title),
    platform: z.enum(PLATFORM_IDS, { error: 'required' }),
    shopName: singleLine(BASICS_MAX.shopName),
    shopId: singleLine(BASICS_MAX.shopId),
    incidentKind: z.enum(INCIDENT_KINDS, { error: 'required' }),
    incidentDetail: z.string(),
    // Police inquiries and some platform notices carry no reference number.
    noticeNumber: optionalText(singleLine(BASICS_MAX.noticeNumber)),
    noticeDate: requiredCalendarDateSchema,
    appealDeadline: requiredCalendarDateSchema,
    // Optional: not every notice can be copied as text (some arrive as a screenshot or a call).
    noticeText: optionalText(multiLine(BASICS_MAX.noticeText)),
    contactName: singleLine(BASICS_MAX.contactName),
    contactPhone: singleLine(BASICS_MAX.contactPhone).refine(isPhoneNumber, { error: 'phoneFormat' }),
  })
  .superRefine((v, ctx) => {
    if (v.incidentKind === 'other') {
      const detail = multiLine(BASICS_MAX.incidentDetail).safeParse(v.incidentDetail);
      if (!detail.success) ctx.addIssue({ code: 'custom', path: ['incidentDetail'], message: detail.error.issues[0]?.message ?? 'required' });
    }
    if (v.appealDeadline < v.noticeDate) {
      ctx.addIssue({ code: 'custom', path: ['appealDeadline'], message: 'deadlineBeforeNotice' });
    }
  });
