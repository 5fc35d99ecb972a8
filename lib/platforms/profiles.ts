/**
 * Platform profiles: what each marketplace's own rules say about appeals.
 * Every number names its source; where no public rule text was found the
 * value is a default the merchant must confirm from their own notice
 * (`source.kind === 'default'`). See ../shared/PLATFORMS.md for the crawl.
 */

export const PLATFORM_IDS = ['taobao', 'tmall', 'jd', 'pinduoduo', 'douyin', 'kuaishou', 'amazon', 'other'] as const;
export type PlatformId = (typeof PLATFORM_IDS)[number];

export type Source = { kind: 'verified'; ref: string } | { kind: 'default'; reason: string };

export type PlatformProfile = {
  id: PlatformId;
  /** The language the platform's reviewers read: the statement and bundle are written in it. */
  documentLanguage: 'zh-CN' | 'en';
  /** Days from the notice to the last day an appeal is accepted. */
  appealWindowDays: number;
  appealWindowSource: Source;
  /** Longest statement the appeal form takes, in characters. */
  statementMaxChars: number;
  /** Longest text the appeal form's short box (申诉理由 / reason for appeal) takes: the short version fits it. */
  shortTextMaxChars: number;
  shortTextSource: Source;
  /** File kinds the appeal form takes (lower-case extensions). */
  acceptedExtensions: readonly string[];
  maxFileMB: number;
  maxFiles: number;
  maxBundleMB: number;
  /** No platform publishes its upload limits; these are ours until one does. */
  uploadLimitsSource: Source;
};

const NO_PUBLIC_WINDOW: Source = {
  kind: 'default',
  reason: 'No appeal window found in public rule texts; confirm it from your own notice.',
};
const NO_PUBLIC_SHORT_TEXT: Source = {
  kind: 'default',
  reason: "No platform publishes its appeal box's length; 500 characters fits the boxes we have seen described. Check the form.",
};
const NO_PUBLIC_UPLOAD_LIMITS: Source = {
  kind: 'default',
  reason: 'No platform publishes its upload limits; conservative defaults.',
};

// Conservative shared defaults: a 2,000-character statement and 20 MB per
// bundle fit every appeal form we have seen described; none is published.
const DEFAULT_LIMITS = {
  documentLanguage: 'zh-CN',
  statementMaxChars: 2000,
  shortTextMaxChars: 500,
  shortTextSource: NO_PUBLIC_SHORT_TEXT,
  acceptedExtensions: ['pdf', 'jpg', 'jpeg', 'png'],
  maxFileMB: 10,
  maxFiles: 20,
  maxBundleMB: 20,
  uploadLimitsSource: NO_PUBLIC_UPLOAD_LIMITS,
} as const;

// Unknown windows default to 7 days, the longest verified one, so the countdown
// never hides urgency the merchant's own notice may state.
export const PLATFORMS: Record<PlatformId, PlatformProfile> = {
  // Taobao shares Tmall's owner but not its published rule: do not assume 3 days.
  taobao: { id: 'taobao', appealWindowDays: 7, appealWindowSource: NO_PUBLIC_WINDOW, ...DEFAULT_LIMITS },
  tmall: {
    id: 'tmall',
    appealWindowDays: 3,
    appealWindowSource: {
      kind: 'verified',
      ref: 'Tmall rule 11000256《虚假交易的规则及实施细则》, published 2026-02-27: appeal within 3 days of the notice',
    },
    ...DEFAULT_LIMITS,
  },
  jd: { id: 'jd', appealWindowDays: 7, appealWindowSource: NO_PUBLIC_WINDOW, ...DEFAULT_LIMITS },
  pinduoduo: { id: 'pinduoduo', appealWindowDays: 7, appealWindowSource: NO_PUBLIC_WINDOW, ...DEFAULT_LIMITS },
  douyin: {
    id: 'douyin',
    appealWindowDays: 7,
    appealWindowSource: {
      kind: 'verified',
      ref: 'Douyin shop 【虚假交易】处置细则 (rule 113470), effective 2026-08-10: appeal within 7 days of the penalty notice',
    },
    ...DEFAULT_LIMITS,
  },
  kuaishou: { id: 'kuaishou', appealWindowDays: 7, appealWindowSource: NO_PUBLIC_WINDOW, ...DEFAULT_LIMITS },
  // Amazon answers reactivation appeals in about two days (Seller Central help
  // G200370560) but publishes no deadline for sending one.
  amazon: { id: 'amazon', appealWindowDays: 7, appealWindowSource: NO_PUBLIC_WINDOW, ...DEFAULT_LIMITS, documentLanguage: 'en' },
  other: { id: 'other', appealWindowDays: 7, appealWindowSource: NO_PUBLIC_WINDOW, ...DEFAULT_LIMITS },
};

export function isPlatformId(value: string): value is PlatformId {
  return (PLATFORM_IDS as readonly string[]).includes(value);
}

/** The profile of a stored platform id; anything unknown gets the 'other' profile. */
export function platformProfile(value: string): PlatformProfile {
  return isPlatformId(value) ? PLATFORMS[value] : PLATFORMS.other;
}
