import { normaliseText } from '../order-index';

/**
 * Whether a contact value (phone, address, IP) identifies someone, or is only a placeholder the
 * platform or the import left in its place. Unknown values never match each other: two orders
 * showing `138****5678` may be two different numbers (a mask keeps 7 of 11 digits; 10,000 numbers
 * share every mask), and two ciphertexts say nothing about whether their plain texts are equal.
 *
 * Shapes seen in real exports and platform APIs:
 * - masks: `138****5678`, `张*`, `****`, `***`, full-width `＊`, `●`/`•` bullets, `xxxx` in phones;
 * - Pinduoduo and Douyin (抖店) ciphertexts, as returned by their open platforms and found in
 *   integration code: phone `$…$2$$` / `$189$AgAAAA…=$4$`, name and address `~AgAAAA…=~…~4~~`,
 *   ID numbers and some addresses `#…#AgAAAA…#4##` (observed in public integration code; the
 *   platforms document the wrappers, not the payload);
 * - long base64-like tokens (Taobao's OAID-era exports, ERP exports of encrypted fields);
 * - words: 加密, 已加密, 隐私保护, 已隐藏, 保密, 脱敏, 未知, 无.
 */
const MASK = /[*＊●•]|\u00d7{2,}/;
const WRAPPED = /^[$~#].*[$~#]$/s;
const CIPHER_MARK = /AgAAAA|==?[$~#]/;
const WORDS = /加密|隐私|隐藏|保密|脱敏|屏蔽|未知|不详|^无$|^(?:n\/?a|null|none|unknown|-+)$/i;
// No spaces, no CJK, at least 24 characters with letters and digits: a token, not an address or IP.
const TOKEN = /^[A-Za-z0-9+/=_-]{24,}$/;

// IPv4/IPv6 and plain phone numbers: the common case, answered by one test.
const PLAIN = /^[0-9.:+\- ]+$/;

/** True for masked, encrypted or placeholder values, which must never count as a match. */
export function isHiddenValue(raw: string): boolean {
  const value = raw.trim();
  if (!value) return true;
  if (PLAIN.test(value)) return /^-+$/.test(value);
  if (MASK.test(value) || WORDS.test(value)) return true;
  if (WRAPPED.test(value) || CIPHER_MARK.test(value)) return true;
  return TOKEN.test(value) && /[0-9]/.test(value) && /[A-Za-z]/.test(value);
}

/**
 * A phone number the way it can be compared: digits only, without +86/0086, 7 to 15 of them
 * (fixed lines to international numbers), and an extension kept (a platform's virtual number
 * 170xxxxxxxx-1234 is one buyer only together with its extension). Anything else is unknown.
 */
export function phoneKey(raw: string | undefined): string | undefined {
  if (!raw || isHiddenValue(raw)) return undefined;
  const folded = raw.normalize('NFKC');
  if (/[xX]{2,}/.test(folded)) return undefined;
  const [main = '', extension] = folded.split(/转|ext\.?|#|,|，/i);
  let digits = main.replace(/[\s()\-.]/g, '');
  if (!/^\+?\d+$/.test(digits)) return undefined;
  digits = digits.replace(/^(?:\+|00)86(?=1\d{10}$)/, '');
  if (digits.length < 7 || digits.length > 15) return undefined;
  const ext = extension?.replace(/\D/g, '');
  return ext ? `${digits}-${ext}` : digits;
}

/** The key a contact field is grouped by, or undefined when the value identifies nobody. */
export function contactKey(field: 'buyerPhone' | 'address' | 'ip', raw: string | undefined): string | undefined {
  if (field === 'buyerPhone') return phoneKey(raw);
  if (!raw || isHiddenValue(raw)) return undefined;
  return normaliseText(raw) || undefined;
}
