import { carrierFromName, detectCarriers } from '@/lib/logistics/detect';
import type { CarrierId } from '@/lib/logistics/carriers';

export type SplitLogistics = { ok: true; carrier?: string; trackingNo?: string } | { ok: false };

/** Shipments of one order: 抖店 writes split parcels into one cell, separated like a list. */
const SHIPMENTS = /[;；,，、\n|]+/;
/** Between a carrier code, its name and the number: "ZTO-中通快递-7310…", "中通快递:7310…". */
const NAME_SEPARATORS = /[\s:：\-–—_/()（）【】[\]]+/;
/** Runs of 8 or more letters and digits: the only ones that can be a waybill number. */
const LONG_RUN = /[0-9A-Za-z]{8,}/g;
const EDGES = /^[\s:：\-–—_/()（）【】[\]]+|[\s:：\-–—_/()（）【】[\]]+$/g;
/** Words that follow a carrier's code in English exports ("ZTO Express") and name nobody alone. */
const NOISE = /^(?:express|logistics|delivery)$/i;
/** A waybill number: 8 or more letters and digits, 6 or more of them digits (YT…, SF…, 7310…). */
function isNumberLike(run: string): boolean {
  let digits = 0;
  for (let i = 0; i < run.length && digits < 6; i++) if (run.charCodeAt(i) <= 57) digits++;
  return digits >= 6;
}

/** The one number-like run of a shipment, null if there are two, undefined if none. */
function findNumber(text: string): RegExpExecArray | null | undefined {
  let found: RegExpExecArray | undefined;
  LONG_RUN.lastIndex = 0;
  for (let m = LONG_RUN.exec(text); m; m = LONG_RUN.exec(text)) {
    if (!isNumberLike(m[0])) continue;
    if (found) return null;
    found = m;
  }
  return found;
}
/*
 * Carrier words repeat on every row (中通快递, YTO …) while numbers never do: remembering each word's
 * carrier halves the cost of a 50,000-row 快递信息 column. Bounded like any per-process cache.
 */
const CARRIER_OF = new Map<string, CarrierId | null>();
function carrierOf(word: string): CarrierId | null {
  let id = CARRIER_OF.get(word);
  if (id === undefined) {
    id = carrierFromName(word);
    if (CARRIER_OF.size >= 5_000) CARRIER_OF.clear();
    CARRIER_OF.set(word, id);
  }
  return id;
}

/** The joined form stays readable and is split again by the tracking rules (lib/audit/rules/tracking). */
export const SHIPMENT_SEPARATOR = '; ';

/**
 * Splits a combined logistics cell ("中通快递:73100012345678", "YTO 圆通速递 YT1234567890123",
 * "ZTO-中通快递-7310…", "顺丰速运 SF…; 中通 7310…") into carrier and tracking number. Every shipment
 * must hold at most one number and words that all name the same known carrier; anything else
 * (two numbers, two carriers, words we cannot place) fails so the row is reported, not guessed.
 */
export function splitLogistics(cell: string): SplitLogistics {
  const shipments = cell.normalize('NFKC').split(SHIPMENTS).map((s) => s.trim()).filter((s) => s !== '');
  const carriers: string[] = [];
  const numbers: string[] = [];
  for (const shipment of shipments) {
    const one = splitShipment(shipment);
    if (!one) return { ok: false };
    if (one.carrier) carriers.push(one.carrier);
    if (one.trackingNo) numbers.push(one.trackingNo);
  }
  if (numbers.length === 0 && carriers.length === 0) return { ok: false };
  // A number whose carrier only some shipments name would pair the wrong name with the wrong number.
  if (numbers.length > 1 && carriers.length > 0 && carriers.length !== numbers.length) return { ok: false };
  const distinct = [...new Set(carriers)];
  return {
    ok: true,
    ...(distinct.length > 0 ? { carrier: distinct.join(SHIPMENT_SEPARATOR) } : {}),
    ...(numbers.length > 0 ? { trackingNo: numbers.join(SHIPMENT_SEPARATOR) } : {}),
  };
}

function splitShipment(text: string): { carrier?: string; trackingNo?: string } | null {
  const number = findNumber(text);
  if (number === null) return null;
  const before = number ? text.slice(0, number.index) : text;
  const after = number ? text.slice(number.index + number[0].length) : '';
  // "SF 1234567890123": the letters may be the number's own prefix, split off by a space.
  const prefix = /([A-Za-z]{1,4})\s+$/.exec(before)?.[1];
  if (number && prefix && detectCarriers(prefix + number[0]).length > 0) return null;

  const rest = `${before} ${after}`.replace(EDGES, '');
  const trackingNo = number ? { trackingNo: number[0].toUpperCase() } : {};
  if (!rest) return trackingNo;
  // A name with spaces in it ("J&T Express") is one name; else each word must name the same carrier.
  if (carrierOf(rest)) return { carrier: rest, ...trackingNo };
  const words = rest.split(NAME_SEPARATORS).filter((w) => w !== '' && !NOISE.test(w));
  const ids = words.map(carrierOf);
  if (ids.some((id) => id === null)) return null;
  const named = new Set(ids as CarrierId[]);
  if (named.size > 1) return null;
  // The Chinese name reads best and is what the carrier column of other exports holds.
  const name = words.find((w) => /\p{Script=Han}/u.test(w)) ?? words[0];
  return { ...(name ? { carrier: name } : {}), ...trackingNo };
}
