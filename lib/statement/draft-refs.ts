import type { DocumentLanguage } from '@/lib/i18n/document-messages';

/*
 * References as the merchant would type them ([B-003], [订单 3412…]): the statement's reference
 * grammar accepts these typed forms, so the draft needs nothing beyond it. Should the references
 * module gain a formatting function, these two lines are the place to call it.
 */

export function exhibitRef(exhibitId: string): string {
  return `[${exhibitId}]`;
}

/** Chinese documents write 订单, English ones Order; both forms are read back. */
export function orderRef(orderNo: string, language: DocumentLanguage): string {
  return language === 'en' ? `[Order ${orderNo}]` : `[订单 ${orderNo}]`;
}
