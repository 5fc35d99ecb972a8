/**
 * Realistic tracking numbers per carrier, for measuring how often the format check warns about a
 * genuine number (the false-warning rate stated in the README). Built from how numbers look on
 * labels and in platform exports (prefixes, lengths, the older formats still in circulation), not
 * from our own patterns, plus the noise exports add: Excel's ="…" wrapper, a leading apostrophe,
 * lower case, full-width digits, spaces, JD's "-1-1-" parcel counters. Shares are rough guesses of
 * how common each variant is; a variant we have never seen cannot be here, so the measured rate is
 * a floor for the real one.
 */

export type TrackingSample = { carrierName: string; trackingNo: string; variant: string };

type Variant = { name: string; share: number; make: (r: Random) => string };
type Random = { int: (n: number) => number; digits: (n: number) => string; pick: <T>(items: readonly T[]) => T };

function random(seed: number): Random {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let r = Math.imul(s ^ (s >>> 15), 1 | s);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    int,
    digits: (n) => Array.from({ length: n }, () => String(int(10))).join(''),
    pick: (items) => items[int(items.length)] as (typeof items)[number],
  };
}

/** UPU S10 check digit (same published algorithm as detect.ts, written out again so the test is independent). */
function s10(serial: string): string {
  const sum = [8, 6, 4, 2, 3, 5, 9, 7].reduce((t, w, i) => t + w * Number(serial[i]), 0);
  const c = 11 - (sum % 11);
  return String(c === 10 ? 0 : c === 11 ? 5 : c);
}

const p = (prefixes: readonly string[], length: number) => (r: Random) => {
  const prefix = r.pick(prefixes);
  return prefix + r.digits(length - prefix.length);
};

/** Carrier name as exports write it → the variants of its numbers. */
export const SAMPLE_CARRIERS: Record<string, Variant[]> = {
  顺丰速运: [
    { name: 'SF + 13 digits', share: 0.75, make: (r) => `SF${r.pick(['1', '0', '3'])}${r.digits(12)}` },
    { name: '12 digits', share: 0.25, make: (r) => p(['1', '2', '3', '4', '5', '6', '7', '8', '9'], 12)(r) },
  ],
  中通快递: [
    { name: '14 digits 73/75/76/78', share: 0.85, make: p(['73', '75', '76', '78'], 14) },
    { name: '12 digits (older)', share: 0.15, make: p(['53', '54', '55', '63', '68', '72', '90', '21', '36'], 12) },
  ],
  圆通速递: [{ name: 'YT + 13 digits', share: 1, make: (r) => `YT${r.pick(['2', '3', '4', '6', '7', '8', '9'])}${r.digits(12)}` }],
  申通快递: [
    { name: '15 digits 77', share: 0.8, make: p(['772', '773', '777'], 15) },
    { name: '13 digits', share: 0.1, make: p(['33', '55', '66', '4'], 13) },
    { name: '12 digits', share: 0.1, make: p(['268', '368', '468', '568', '668', '888'], 12) },
  ],
  韵达快递: [
    { name: '15 digits 3/4', share: 0.7, make: p(['31', '32', '43', '46'], 15) },
    { name: '13 digits', share: 0.3, make: p(['1', '3', '5'], 13) },
  ],
  京东物流: [
    { name: 'JDV? + 11 digits', share: 0.6, make: (r) => `JDV${r.pick(['A', 'B', 'C', 'D', 'E'])}${r.digits(11)}` },
    { name: 'JDX + 12 digits', share: 0.2, make: (r) => `JDX0${r.digits(11)}` },
    { name: 'JDK + 12 digits', share: 0.05, make: (r) => `JDK${r.digits(12)}` },
    { name: 'JDVA… with parcel counters', share: 0.15, make: (r) => `JDVA${r.digits(11)}-${1 + r.int(3)}-${3 + r.int(9)}-` },
  ],
  邮政快递包裹: [
    { name: '13 digits', share: 0.7, make: p(['10', '11', '98', '97', '95', '50', '99'], 13) },
    { name: 'S10 international', share: 0.3, make: (r) => { const serial = r.digits(8); return `${r.pick(['EA', 'EE', 'LZ', 'RR', 'CP'])}${serial}${s10(serial)}CN`; } },
  ],
  极兔速递: [{ name: 'JT + 13 digits', share: 1, make: (r) => `JT${r.pick(['0', '3', '5'])}${r.digits(12)}` }],
  百世快递: [
    { name: '12 digits', share: 0.5, make: p(['21', '25', '30', '35', '61', '63'], 12) },
    { name: 'A/B/D/E + 12 digits', share: 0.3, make: (r) => `${r.pick(['A', 'B', 'D', 'E'])}${r.digits(12)}` },
    { name: '14 digits 5/6/7', share: 0.2, make: p(['50', '51', '6', '7'], 14) },
  ],
  德邦快递: [
    { name: 'DPK + 12 digits', share: 0.8, make: (r) => `DPK${r.digits(12)}` },
    { name: '8–10 digits', share: 0.2, make: (r) => r.digits(8 + r.int(3)) },
  ],
};

const FULL_WIDTH = (text: string) => text.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

// What exports do to a number on the way: most cells are clean.
const NOISE: readonly [number, (n: string) => string][] = [
  [0.8, (n) => n],
  [0.06, (n) => `="${n}"`],
  [0.04, (n) => `'${n}`],
  [0.03, (n) => n.toLowerCase()],
  [0.03, (n) => ` ${n.replace(/(\d{4})(?=\d)/g, '$1 ')} `],
  [0.02, FULL_WIDTH],
  [0.02, (n) => `${n}\u200b`],
];

function weighted<T>(r: Random, items: readonly (readonly [number, T])[]): T {
  let x = r.int(1_000_000) / 1_000_000;
  for (const [share, item] of items) {
    if ((x -= share) < 0) return item;
  }
  return (items[items.length - 1] as readonly [number, T])[1];
}

/** `perCarrier` genuine numbers for each carrier in SAMPLE_CARRIERS, deterministic for a seed. */
export function sampleTrackingNumbers(perCarrier: number, seed = 1): TrackingSample[] {
  const r = random(seed);
  return Object.entries(SAMPLE_CARRIERS).flatMap(([carrierName, variants]) =>
    Array.from({ length: perCarrier }, () => {
      const variant = weighted(r, variants.map((v) => [v.share, v] as const));
      const noise = weighted(r, NOISE);
      return { carrierName, trackingNo: noise(variant.make(r)), variant: variant.name };
    }),
  );
}
