import type { AccusationKind } from './accusations';
import type { Requirement } from './checklists';
import { AMAZON_INVOICE_POLICY, DOUYIN_FAKE_TRANSACTION_RULES, TMALL_FAKE_TRANSACTION_RULE } from './rule-sources';

/*
 * The requirements a platform's own rule text states. `says` is copied from PLATFORMS.md word for
 * word (line breaks aside): the checklists test fails if it is not there.
 */

const douyin = (says: string) => ({ document: DOUYIN_FAKE_TRANSACTION_RULES, says });

const WAYBILL_WITH_WEIGHT: Requirement = {
  id: 'waybillWithWeight',
  scope: 'perOrder',
  categories: ['logistics'],
  source: douyin('the waybill (发货底单 or electronic waybill) whose number matches the order and shows the parcel weight, or else a courier-system screenshot with the weight'),
};
const PROMOTION_PER_ORDER: Requirement = {
  id: 'promotionPerOrder',
  scope: 'perOrder',
  categories: ['promotion'],
  source: douyin('plus proof of promotion for the penalised orders (screenshots of the product link published on each channel)'),
};
const VIRTUAL_DELIVERY: Requirement = {
  id: 'virtualDeliveryScreenshot',
  scope: 'perOrder',
  categories: ['virtualDelivery'],
  source: douyin('Virtual goods: screenshot of the delivery, plus proof of promotion.'),
};
const CAMPAIGN_AND_AD_SPEND: Requirement = {
  id: 'campaignAndAdSpend',
  scope: 'case',
  categories: ['promotion'],
  optional: true,
  source: douyin('campaign information, ad spend'),
};
// Optional support the rule lists after the required proof of a real shipment.
const OPTIONAL_SUPPORT: Requirement[] = [
  { id: 'supportingChats', scope: 'case', categories: ['chat'], optional: true, source: douyin('customer-service chats (飞鸽)') },
  CAMPAIGN_AND_AD_SPEND,
  {
    id: 'clearInvoices',
    scope: 'case',
    categories: ['invoice'],
    optional: true,
    source: douyin('invoices (with a clear QR code, invoice number and date)'),
  },
];
// Packing is staff work (the staff category's hint names it); a waybill alone is not a packing video.
const EMPTY_PARCEL: Requirement[] = [
  {
    id: 'packingVideo',
    scope: 'perOrder',
    categories: ['staff'],
    source: douyin('a packing video showing the tracking number, contents and whole process'),
  },
  {
    id: 'courierCertificate',
    scope: 'perOrder',
    categories: ['logistics'],
    source: douyin("a certificate from the courier's head office (number, delivery status and time, stamp, date)"),
  },
  // Only for items over 1 kg: a lighter item's order is answered by the merchant's reason.
  {
    id: 'weighingPhotos',
    scope: 'perOrder',
    categories: ['staff'],
    source: douyin('for items over 1 kg, weighing photos at dispatch and at delivery'),
  },
];

/** Douyin's lists; no entry where the rule gives none (controlled accounts: such appeals fail outright). */
export const DOUYIN_LISTS: Partial<Record<AccusationKind, readonly Requirement[]>> = {
  realGoods: [WAYBILL_WITH_WEIGHT, PROMOTION_PER_ORDER, ...OPTIONAL_SUPPORT],
  virtualGoods: [VIRTUAL_DELIVERY, PROMOTION_PER_ORDER, ...OPTIONAL_SUPPORT],
  emptyParcel: EMPTY_PARCEL,
  // A fake tracking number is answered by the real shipment: the "goods really shipped" proof.
  fakeTracking: [WAYBILL_WITH_WEIGHT],
  // A burst is answered by the promotion behind it, which the rule asks for order by order.
  promotionBurst: [PROMOTION_PER_ORDER, CAMPAIGN_AND_AD_SPEND],
};

/** Tmall asks every appeal to show real shopping and say why it looks abnormal. */
export const TMALL_REAL_SHOPPING: readonly Requirement[] = [
  {
    id: 'realShopping',
    scope: 'perOrder',
    categories: ['chat', 'logistics', 'invoice', 'review'],
    source: { document: TMALL_FAKE_TRANSACTION_RULE, says: 'the seller proves the abnormal orders came from real shopping' },
  },
  {
    id: 'abnormalityExplained',
    scope: 'case',
    categories: ['promotion'],
    source: { document: TMALL_FAKE_TRANSACTION_RULE, says: 'explains why they look abnormal' },
  },
];

/** Second-hand (seller-forum quotes of the policy): cited, and marked as not the platform's own page. */
export const AMAZON_INVOICES: Requirement = {
  id: 'unalteredInvoices',
  scope: 'case',
  categories: ['invoice', 'supply'],
  source: { document: AMAZON_INVOICE_POLICY, says: 'Invoices are expected to be authentic and unaltered, dated within 365 days' },
};
