import { STATUS_WORDS, statusKey, type RefundState, type StatusWord } from './status-words';

/**
 * The small set every platform's order and after-sales states are normalised to, so the audit and
 * the table speak one language whatever the export said (交易成功, 已签收, Shipped, 退款成功 …).
 */
export const ORDER_STATUSES = ['unpaid', 'paid', 'shipped', 'completed', 'closed', 'refunded', 'partiallyRefunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === 'string' && (ORDER_STATUSES as readonly string[]).includes(value);
}

export type StatusInput = {
  /** 订单状态 / 交易状态 / Order Status, as written. */
  status?: string;
  /** 售后状态 / 退款状态 / Refund Status, as written. */
  afterSale?: string;
  /** 订单关闭原因 / Cancel Reason: free text, shown; used only when it is a known refund word. */
  closeReason?: string;
  refundCents?: number;
  amountCents?: number;
};

export type StatusResult = {
  /**
   * undefined: nothing to go on; null: words we cannot read (see `unknown`), so that a re-import
   * clears a status the newer export no longer supports.
   */
  status: OrderStatus | null | undefined;
  /** The export's own words joined with " · ", e.g. "交易关闭 · 退款成功". */
  statusText: string | undefined;
  /** Which inputs held words we do not know; they are reported, never guessed. */
  unknown: ('status' | 'afterSale')[];
};

const PARTS = /[,，;；、·|/()（）]+/;
// Kinds of refund, strongest first: when two cells disagree, the one that moved money wins.
const REFUND_RANK: readonly RefundState[] = ['partial', 'full', 'settled', 'pending', 'none'];

/*
 * An export repeats a handful of status texts over thousands of rows: remembering each text's
 * reading makes the 50,000-row import pay for the Unicode-aware key a few times, not 150,000 times.
 * Bounded, in case a free-text column is mapped here by mistake.
 */
const READINGS = new Map<string, StatusWord[] | null>();
const MAX_READINGS = 5_000;

function wordsOf(text: string): StatusWord[] | null {
  let words = READINGS.get(text);
  if (words === undefined) {
    words = readWords(text);
    if (READINGS.size >= MAX_READINGS) READINGS.clear();
    READINGS.set(text, words);
  }
  return words;
}

/** Reads a cell as known words: the whole text first, then each comma-separated part. */
function readWords(text: string): StatusWord[] | null {
  const whole = STATUS_WORDS.get(statusKey(text));
  if (whole) return [whole];
  const parts = text.split(PARTS).map(statusKey).filter((part) => part !== '');
  const words = parts.map((part) => STATUS_WORDS.get(part));
  return parts.length > 0 && words.every((w) => w !== undefined) ? (words as StatusWord[]) : null;
}

/**
 * Normalises an order's status from its status and after-sales cells. Refunds override the order
 * state because the audit cares where the money ended: a completed or closed order refunded in
 * full is `refunded`, in part `partiallyRefunded` (judged by refundCents against amountCents when
 * both are known; 退款成功 with no amounts is read as the whole order, 部分退款 as part). A refund
 * still in progress (退款中) or an after-sales case closed without an amount (售后完成 may be an
 * exchange) changes nothing yet. Two order states that disagree are reported, not picked from.
 */
export function normaliseStatus(input: StatusInput): StatusResult {
  const unknown: StatusResult['unknown'] = [];
  const bases = new Set<OrderStatus>();
  const refunds = new Set<RefundState>();
  const shown: string[] = [];

  const read = (text: string | undefined, source: 'status' | 'afterSale' | 'closeReason') => {
    const value = text?.trim();
    if (!value) return;
    const words = wordsOf(value);
    if (!words) {
      shown.push(value);
      if (source !== 'closeReason') unknown.push(source);
      return;
    }
    for (const word of words) {
      if ('base' in word) bases.add(word.base);
      else refunds.add(word.refund);
    }
    // "无售后" beside every order says nothing worth showing.
    if (source === 'status' || !words.every((w) => 'refund' in w && w.refund === 'none')) shown.push(value);
  };
  read(input.status, 'status');
  read(input.afterSale, 'afterSale');
  read(input.closeReason, 'closeReason');
  if (bases.size > 1 && !unknown.includes('status')) unknown.push('status');

  const statusText = shown.length > 0 ? shown.join(' · ') : undefined;
  if (unknown.length > 0) return { status: null, statusText, unknown };
  const base = bases.values().next().value;
  const refund = REFUND_RANK.find((state) => refunds.has(state));
  const refunded = refundOutcome(refund, input.refundCents, input.amountCents);
  return { status: refunded ?? base, statusText, unknown };
}

function refundOutcome(state: RefundState | undefined, refund: number | undefined, amount: number | undefined): OrderStatus | undefined {
  const byAmount = refund !== undefined && amount !== undefined && refund > 0 ? (refund >= amount ? 'refunded' : 'partiallyRefunded') : undefined;
  if (state === 'partial') return 'partiallyRefunded';
  if (state === 'full') return byAmount ?? 'refunded';
  if (state === 'pending' || state === 'none') return undefined;
  // 售后完成 or no after-sales column at all: only an amount says money went back.
  return byAmount;
}
