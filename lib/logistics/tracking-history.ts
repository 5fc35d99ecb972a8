import { readLineHead, resolveInstants, type DatePart, type Stamp } from './history-dates';

export type TrackingEvent = { at: Date; text: string; location?: string };
export type TrackingHistory = { events: TrackingEvent[]; undated: string[] };

type Draft = { stamp: Stamp; text: string };

// Status headers and page buttons that courier sites print on their own line between events.
// They must not be glued onto the event above them.
const STANDALONE = new RegExp(
  '^(?:已签收|签收|已妥投|妥投|已代收|派送中|派件中|待派送|运输中|在途中?|已揽件|已揽收|揽收|揽件|待揽收|已发货|已发出|' +
    '已出库|疑难件?|问题件|退回中?|已退回|退签|已拒收|待取件|清关中|复制|查看(?:详情|更多)?|展开(?:全部)?|收起|更多|' +
    '物流详情|物流信息|物流跟踪|订单跟踪)$',
);
// A wrapped line continues an event whose text has not reached the end of a sentence.
const SENTENCE_END = /[。！？!?.]$/;
const LOCATION = /^\s*[【[]([^】\]]{1,30})[】\]]/;

function append(text: string, more: string): string {
  if (!text) return more;
  // Chinese wraps mid-sentence without a space; ASCII words need one.
  const ascii = /[\x21-\x7e]$/.test(text) && /^[\x21-\x7e]/.test(more);
  return `${text}${ascii ? ' ' : ''}${more}`;
}

function cleanRest(line: string, consumed: number): string {
  return line.slice(consumed).replace(/^[\s|,，:：\-–—]+/, '').trim();
}

/**
 * Reads a carrier timeline pasted from a courier site or a platform: one event per line
 * (`2026-11-12 14:03:21 【杭州市】快件已…`) or a date line followed by its text, newest or oldest
 * first, with or without years. Event text is kept verbatim; `location` is the leading 【…】.
 * Lines that are neither an event nor a wrapped continuation of one come back in `undated`.
 */
export function parseTrackingHistory(text: string, now: Date = new Date()): TrackingHistory {
  const drafts: Draft[] = [];
  const undated: string[] = [];
  let dayHeader: DatePart | null = null;
  let last: Draft | null = null;

  for (const line of text.split(/\r\n|\r|\n/).map((l) => l.trim())) {
    if (!line) continue;
    const head = readLineHead(line);
    if (head?.kind === 'dateOnly') {
      dayHeader = head.date;
      last = null;
    } else if (head?.kind === 'dateTime' || (head?.kind === 'timeOnly' && dayHeader)) {
      const stamp: Stamp = head.kind === 'dateTime' ? head.stamp : { ...(dayHeader as DatePart), ...head.time };
      // Later time-only lines belong to the same day, as on sites that group events by date.
      dayHeader = { year: stamp.year, month: stamp.month, day: stamp.day };
      last = { stamp, text: cleanRest(line, head.consumed) };
      drafts.push(last);
    } else if (last && (last.text === '' || (!SENTENCE_END.test(last.text) && !STANDALONE.test(line)))) {
      last.text = append(last.text, line);
    } else {
      undated.push(line);
      last = null;
    }
  }

  const instants = resolveInstants(drafts.map((d) => d.stamp), now);
  const events = drafts.map((draft, i): TrackingEvent => {
    const location = LOCATION.exec(draft.text)?.[1]?.trim();
    return { at: instants[i] as Date, text: draft.text, ...(location ? { location } : {}) };
  });
  // Newest-first pastes are reversed before the stable sort, so events sharing a minute keep their real order.
  const first = events[0];
  const lastEvent = events[events.length - 1];
  if (first && lastEvent && first.at > lastEvent.at) events.reverse();
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  return { events, undated };
}

const SIGNED = /签收|妥投|代收|delivered/i;
const NOT_SIGNED =
  /拒签|拒收|未签收|未妥投|签收失败|无法签收|待签收|准备签收|等待签收|请签收|退回|退签|代收货款|代收款|undelivered|not\s+delivered|delivery\s+failed/i;
// 收件人 (recipient) and 收件地址 appear in sign-off texts; they are not a pick-up.
const SHIPPED = /揽收|揽件|已收件|收件(?!人|地址|信息|员|网点)|收取快件|picked\s*up|collected/i;
const NOT_SHIPPED = /待揽|等待揽|未揽|揽收失败|揽件失败|取消揽/;

function isSigned(event: TrackingEvent): boolean {
  return SIGNED.test(event.text) && !NOT_SIGNED.test(event.text);
}

function earliest(events: readonly TrackingEvent[], test: (event: TrackingEvent) => boolean): TrackingEvent | null {
  return events.filter(test).reduce<TrackingEvent | null>((best, e) => (best && best.at <= e.at ? best : e), null);
}

/**
 * The delivery: the earliest sign-off (签收, 代收, 妥投, delivered), skipping refusals, returns and
 * "please get ready to sign". Earliest, because a station's 代收 is when the platform counts the
 * parcel delivered; the buyer collecting it later is a second sign-off.
 */
export function signedEvent(events: readonly TrackingEvent[]): TrackingEvent | null {
  return earliest(events, isSigned);
}

/** The pick-up by the courier (揽收, 已揽件, 收件, picked up), the start of the real journey. */
export function shippedEvent(events: readonly TrackingEvent[]): TrackingEvent | null {
  return earliest(events, (e) => SHIPPED.test(e.text) && !NOT_SHIPPED.test(e.text) && !isSigned(e));
}
