import { CARRIER_IDS, CARRIERS, type CarrierId, type CarrierPattern } from './carriers';

export type TrackingStatus = 'ok' | 'formatMismatch' | 'unknownCarrier' | 'empty';

export type TrackingCheck = {
  normalised: string;
  /** The carrier the export names, or if it names none, the only one whose format fits. */
  carrier: CarrierId | null;
  /** A warning level, never an error: formats change, so a mismatch means "look again", not "fake". */
  status: TrackingStatus;
  /** Every carrier whose format fits; numeric formats overlap, so several are common. */
  detected: CarrierId[];
  /** Present only for UPU S10 numbers (2 letters, 9 digits, 2 letters), whose check digit is published. */
  checkDigit?: 'valid' | 'invalid';
};

// Spaces of every width and the invisible characters that ride along in copied cells.
const INVISIBLE = /[\s\u200B-\u200D\u2060\uFEFF]/g;
const DASHES = /[-\u2010-\u2015\u2212]/g;
const S10_LIKE = /^[A-Z]{2}\d{9}[A-Z]{2}$/;

/**
 * UPU S10 check digit (international EMS/registered mail such as EE123456785CN), as written out in
 * jkeen/tracking_number_data CHECKSUM_ALGORITHMS.md and tested on its couriers/s10.json samples.
 * A published standard, unlike domestic formats: a wrong digit means mistyped or invented.
 * SF Express publishes no check algorithm (none found in public code either): shape only.
 */
export function s10CheckDigit(serial: string): number {
  if (!/^\d{8}$/.test(serial)) throw new Error(`S10 serial must be 8 digits, got "${serial}"`);
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(serial[i]), 0);
  const check = 11 - (sum % 11);
  // 11 - r runs 1..11; the standard maps the two that are not one digit.
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

/** Whether a normalised number has the S10 shape with a correct check digit. */
export function isValidS10(trackingNo: string): boolean {
  const match = /^[A-Z]{2}(\d{8})(\d)[A-Z]{2}$/.exec(trackingNo);
  return match?.[1] !== undefined && s10CheckDigit(match[1]) === Number(match[2]);
}

/**
 * A tracking number as the formats expect it: full-width folded to half-width, Excel's
 * text wrappers (`="…"`, a leading apostrophe) removed, spaces and dashes dropped, upper case.
 */
export function normaliseTrackingNo(raw: string): string {
  let value = raw.normalize('NFKC').trim();
  // Exports write long numbers as ="…" (or '…) so Excel keeps every digit instead of 7.73E+14.
  const formula = /^=\s*"(.*)"$/s.exec(value);
  if (formula) value = formula[1] ?? '';
  value = value.replace(/^'/, '').replace(/^"(.*)"$/s, '$1');
  return value.replace(INVISIBLE, '').replace(DASHES, '').toUpperCase();
}

// Exports append service words and notes to the brand: 顺丰速运, 中通快递(代收), 京东物流【退货】.
const BRACKETED = /[(【[][^)】\]]*[)】\]]/g;
const SUFFIX = /(?:股份有限公司|有限公司|集团|公司|快递|速运|速递|物流|快件|包裹|EXPRESS|LOGISTICS)$/;

function nameKey(name: string): string {
  return name.normalize('NFKC').replace(BRACKETED, '').replace(/\s+/g, '').toUpperCase();
}

function coreOf(key: string): string {
  let core = key;
  for (let previous = ''; core && core !== previous; ) {
    previous = core;
    core = core.replace(SUFFIX, '');
  }
  return core;
}

// 快运 (freight) is deliberately not a suffix: 中通快运 and 韵达快运 are separate companies
// with their own numbering, so they stay unknown rather than being checked against the wrong formats.
const NAME_INDEX: ReadonlyMap<string, CarrierId> = (() => {
  const index = new Map<string, CarrierId>();
  for (const id of CARRIER_IDS) {
    const { nameZh, nameEn, aliases } = CARRIERS[id];
    for (const name of [id, nameZh, nameEn, ...aliases]) {
      const key = nameKey(name);
      index.set(key, id);
      const core = coreOf(key);
      if (core) index.set(core, id);
    }
  }
  return index;
})();

/** The carrier an export's carrier column names (顺丰速运, 中通快递(代收), EMS …), or null. */
export function carrierFromName(name: string): CarrierId | null {
  const key = nameKey(name);
  if (!key) return null;
  return NAME_INDEX.get(key) ?? NAME_INDEX.get(coreOf(key)) ?? null;
}

function fits(pattern: CarrierPattern, trackingNo: string): boolean {
  if (!pattern.regex.test(trackingNo)) return false;
  return pattern.checksum !== 's10' || isValidS10(trackingNo);
}

/** Every carrier whose known formats fit the number, in CARRIER_IDS order. */
export function detectCarriers(trackingNo: string): CarrierId[] {
  const normalised = normaliseTrackingNo(trackingNo);
  if (!normalised) return [];
  return CARRIER_IDS.filter((id) => CARRIERS[id].patterns.some((pattern) => fits(pattern, normalised)));
}

/**
 * Checks one row of an export. With a carrier name, the number must fit that carrier
 * (`formatMismatch` otherwise; `unknownCarrier` if the name is not one we know). Without one,
 * the carrier is taken from the number when exactly one format fits.
 */
export function checkTracking({ trackingNo, carrierName }: { trackingNo: string; carrierName?: string | null }): TrackingCheck {
  const normalised = normaliseTrackingNo(trackingNo);
  const hasName = Boolean(carrierName?.trim());
  const named = hasName && carrierName ? carrierFromName(carrierName) : null;
  if (!normalised) return { normalised, carrier: named, status: 'empty', detected: [] };

  const detected = detectCarriers(normalised);
  const checkDigit = S10_LIKE.test(normalised) ? { checkDigit: isValidS10(normalised) ? 'valid' : 'invalid' } as const : {};
  if (hasName) {
    if (!named) return { normalised, carrier: null, status: 'unknownCarrier', detected, ...checkDigit };
    return { normalised, carrier: named, status: detected.includes(named) ? 'ok' : 'formatMismatch', detected, ...checkDigit };
  }
  const carrier = detected.length === 1 ? (detected[0] ?? null) : null;
  return { normalised, carrier, status: detected.length > 0 ? 'ok' : 'unknownCarrier', detected, ...checkDigit };
}
