/**
 * What the platform says the merchant did: the kinds of "fake transaction" accusation named in the
 * platforms' rule texts (lib/platforms/PLATFORMS.md). The merchant picks one or several on the basics
 * step; each picks a checklist (lib/platforms/checklists.ts). Names live in the message files
 * (checklists.accusations).
 */
export const ACCUSATION_KINDS = [
  // Douyin's appeal reason "我已真实发货" for physical goods.
  'realGoods',
  // Douyin's evidence list for virtual goods.
  'virtualGoods',
  // Douyin's 空包 accusation.
  'emptyParcel',
  // Tmall and Douyin both name orders from the seller's own or controlled accounts (friends, rings).
  'controlledAccounts',
  // Tmall and Douyin both name fake or reused tracking numbers.
  'fakeTracking',
  // Not a platform's word: the burst of orders the model punishes, whose honest cause is a promotion.
  'promotionBurst',
] as const;
export type AccusationKind = (typeof ACCUSATION_KINDS)[number];

export function isAccusationKind(value: string): value is AccusationKind {
  return (ACCUSATION_KINDS as readonly string[]).includes(value);
}
