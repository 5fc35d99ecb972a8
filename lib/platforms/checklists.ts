import type { EvidenceCategory } from '@/lib/evidence/categories';
import { ACCUSATION_KINDS, type AccusationKind } from './accusations';
import type { PlatformId } from './profiles';
import { DEFAULT_LISTS } from './checklists-default';
import type { RuleSource } from './rule-sources';
import { AMAZON_INVOICES, DOUYIN_LISTS, TMALL_REAL_SHOPPING } from './checklists-verified';

/**
 * What proof each platform's own rule text asks for, per accusation. Every requirement cites the
 * line of lib/platforms/PLATFORMS.md it rests on, or is marked `default: true`: our generic list
 * where the platform publishes nothing, as the profiles do for appeal windows. Titles live in the
 * message files (checklists.requirements).
 */

export const REQUIREMENT_IDS = [
  'waybillWithWeight',
  'promotionPerOrder',
  'virtualDeliveryScreenshot',
  'packingVideo',
  'courierCertificate',
  'weighingPhotos',
  'supportingChats',
  'campaignAndAdSpend',
  'clearInvoices',
  'realShopping',
  'abnormalityExplained',
  'unalteredInvoices',
  'shippingProof',
  'supplyRecords',
  'buyerChats',
  'buyerReviews',
  'campaignRecords',
] as const;
export type RequirementId = (typeof REQUIREMENT_IDS)[number];

type RequirementBase = {
  id: RequirementId;
  /** 'perOrder': one proof for every penalised order (a waybill per order); 'case': once for the case. */
  scope: 'case' | 'perOrder';
  /** Exhibits of these categories answer it unless the merchant ticks otherwise. */
  categories: readonly EvidenceCategory[];
  /** The rule lists it as optional support: shown, never a warning. */
  optional?: true;
};
export type Requirement = RequirementBase &
  ({ default?: false; source: RuleSource } | { default: true; source?: never });

// Taobao, JD, Pinduoduo and Kuaishou publish no evidence list (PLATFORMS.md): our defaults only.
const DEFAULTS_ONLY = (accusation: AccusationKind) => DEFAULT_LISTS[accusation];

const LISTS: Record<PlatformId, (accusation: AccusationKind) => readonly Requirement[]> = {
  taobao: DEFAULTS_ONLY,
  jd: DEFAULTS_ONLY,
  pinduoduo: DEFAULTS_ONLY,
  kuaishou: DEFAULTS_ONLY,
  other: DEFAULTS_ONLY,
  // Tmall's rule asks the same of every accusation; the accusation's own items are our defaults.
  tmall: (accusation) => [...TMALL_REAL_SHOPPING, ...DEFAULT_LISTS[accusation]],
  // Douyin publishes no list for controlled accounts (such appeals fail outright): defaults there.
  douyin: (accusation) => DOUYIN_LISTS[accusation] ?? DEFAULT_LISTS[accusation],
  amazon: (accusation) => [AMAZON_INVOICES, ...DEFAULT_LISTS[accusation]],
};

/** The requirements of one platform and accusation, in the order the rule gives them. */
export function checklist(platform: PlatformId, accusation: AccusationKind): readonly Requirement[] {
  return LISTS[platform](accusation);
}

export type ChecklistItem = Requirement & { accusations: AccusationKind[] };

/**
 * The requirements of several accusations, each once: a requirement two accusations share (proof of
 * promotion for a burst and for real goods) is one item that names both accusations.
 */
export function combinedChecklist(platform: PlatformId, accusations: readonly AccusationKind[]): ChecklistItem[] {
  const items = new Map<RequirementId, ChecklistItem>();
  for (const accusation of ACCUSATION_KINDS.filter((kind) => accusations.includes(kind))) {
    for (const requirement of checklist(platform, accusation)) {
      // Within a platform an id means one requirement (the checklists test holds to it), so any copy will do.
      const seen = items.get(requirement.id);
      if (seen) seen.accusations.push(accusation);
      else items.set(requirement.id, { ...requirement, accusations: [accusation] });
    }
  }
  return [...items.values()];
}
