import type { AccusationKind } from './accusations';
import type { Requirement } from './checklists';

/*
 * Our generic lists, for platforms that publish no evidence list and for accusations a platform's
 * rule does not cover. Each is marked `default: true` so the merchant sees it is our advice, not the
 * platform's rule. They ask for what any reviewer can check: a real shipment behind each order, real
 * stock, real buyers, a real promotion.
 */

const SHIPPING_PROOF: Requirement = { id: 'shippingProof', scope: 'perOrder', categories: ['logistics'], default: true };
const SUPPLY_RECORDS: Requirement = { id: 'supplyRecords', scope: 'case', categories: ['supply', 'invoice'], default: true };
const BUYER_CHATS: Requirement = { id: 'buyerChats', scope: 'case', categories: ['chat'], default: true };
const BUYER_REVIEWS: Requirement = { id: 'buyerReviews', scope: 'case', categories: ['review'], optional: true, default: true };
const CAMPAIGN_RECORDS: Requirement = { id: 'campaignRecords', scope: 'case', categories: ['promotion'], default: true };
const VIRTUAL_DELIVERY: Requirement = { id: 'virtualDeliveryScreenshot', scope: 'perOrder', categories: ['virtualDelivery'], default: true };
const PACKING_VIDEO: Requirement = { id: 'packingVideo', scope: 'perOrder', categories: ['staff'], default: true };
const COURIER_CERTIFICATE: Requirement = { id: 'courierCertificate', scope: 'perOrder', categories: ['logistics'], default: true };

export const DEFAULT_LISTS: Record<AccusationKind, readonly Requirement[]> = {
  realGoods: [SHIPPING_PROOF, SUPPLY_RECORDS, BUYER_CHATS],
  virtualGoods: [VIRTUAL_DELIVERY, BUYER_CHATS],
  emptyParcel: [PACKING_VIDEO, COURIER_CERTIFICATE],
  controlledAccounts: [SHIPPING_PROOF, BUYER_CHATS, BUYER_REVIEWS],
  fakeTracking: [SHIPPING_PROOF, COURIER_CERTIFICATE],
  promotionBurst: [CAMPAIGN_RECORDS, SHIPPING_PROOF],
};
