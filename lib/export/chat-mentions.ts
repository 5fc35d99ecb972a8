import { normaliseTrackingNo } from '@/lib/logistics/detect';
import type { Prepared } from './prepare';

/** A chat line naming an order's number or its waybill: where it is (exhibit, message) and what it says. */
export type Mention = { exhibitId: string; message: number; time: string; speaker: string; line: string };
export type OrderMentions = { shown: Mention[]; total: number };

/** Lines quoted per order; past it the dossier says how many more there are. */
export const MENTIONS_SHOWN = 10;

/** Letters and digits, with inner dashes (Amazon's 112-1234567-1234567): a number glued to 订单号 or 。 is still a whole token. */
const TOKEN = /[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*/g;

type Hit = { exhibit: number; message: number; row: number; line: string };
type Target = { orderNo: string; trackingNo: string };

/**
 * The chat lines that mention each flagged order, by its order number or its tracking number as a
 * whole token (so 4012345678901234567 does not match inside a longer number). Every line of every
 * chat exhibit is read once and only the tokens some order asks for are kept (token → lines), so
 * 5,000 orders against a 20,000-line log cost one pass, not one scan per order.
 */
export function chatMentions(orders: readonly Target[], prepared: readonly Prepared[], shown = MENTIONS_SHOWN): Map<string, OrderMentions> {
  const wanted = new Map<string, Hit[]>();
  for (const o of orders) for (const key of [o.orderNo.toUpperCase(), normaliseTrackingNo(o.trackingNo)]) if (key && !wanted.has(key)) wanted.set(key, []);
  const chats = prepared.filter((p) => p.exhibit.category === 'chat' && p.content.kind === 'chat');
  chats.forEach((p, exhibit) => {
    if (p.content.kind !== 'chat') return;
    p.content.messages.forEach((m, message) => {
      m.text.split('\n').forEach((line, row) => {
        for (const [token] of line.matchAll(TOKEN)) {
          const hits = wanted.get(token.toUpperCase());
          const last = hits?.at(-1);
          // A line naming the number twice is one mention.
          if (hits && !(last && last.exhibit === exhibit && last.message === message && last.row === row)) hits.push({ exhibit, message, row, line: line.trim() });
        }
      });
    });
  });

  const result = new Map<string, OrderMentions>();
  for (const o of orders) {
    const byOrder = wanted.get(o.orderNo.toUpperCase()) ?? [];
    const tracking = normaliseTrackingNo(o.trackingNo);
    const byTracking = tracking ? (wanted.get(tracking) ?? []) : [];
    // A line naming both numbers counts once; chat order, exhibit by exhibit.
    const seen = new Set<string>();
    const hits = [...byOrder, ...byTracking]
      .filter((h) => !seen.has(`${h.exhibit}#${h.message}#${h.row}`) && seen.add(`${h.exhibit}#${h.message}#${h.row}`))
      .sort((a, b) => a.exhibit - b.exhibit || a.message - b.message || a.row - b.row);
    const mention = (h: Hit): Mention => {
      const p = chats[h.exhibit] as Prepared;
      const m = p.content.kind === 'chat' ? p.content.messages[h.message] : undefined;
      return { exhibitId: p.exhibit.exhibitId, message: h.message, time: m?.time ?? '', speaker: m?.speaker ?? '', line: h.line };
    };
    result.set(o.orderNo, { shown: hits.slice(0, shown).map(mention), total: hits.length });
  }
  return result;
}
