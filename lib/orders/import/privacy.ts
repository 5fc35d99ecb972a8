export type PrivacyOptions = {
  /** The merchant chose to keep full personal data for this case (they may need it for a dispute). */
  keepFull: boolean;
};

/**
 * Masks a phone number: 13812345678 -> 138****5678. Values the platform already masked or encrypted
 * (138****5678, Douyin's ciphertext) are kept as they are: there is nothing left to hide or recover.
 */
export function maskPhone(phone: string, { keepFull }: PrivacyOptions): string {
  const text = phone.trim();
  if (keepFull || text === '' || text.includes('*')) return text;
  const compact = text.replace(/[\s()-]/g, '');
  if (!/^\+?\d+$/.test(compact)) return text;
  // A mainland mobile with its country code: mask the 11 digits that identify the person.
  const digits = compact.replace(/^(\+?86)(?=1\d{10}$)/, '');
  const n = digits.length;
  if (n >= 11) return digits.slice(0, 3) + '*'.repeat(n - 7) + digits.slice(-4);
  if (n >= 7) return digits.slice(0, 3) + '*'.repeat(n - 5) + digits.slice(-2);
  return '*'.repeat(n);
}

/**
 * Keeps the first character and the length, masks the rest: 张三 -> 张*, 欧阳娜娜 -> 欧***,
 * john smith -> j*********. Spaces are masked too, or they would give away word lengths.
 */
export function maskName(name: string, { keepFull }: PrivacyOptions): string {
  const text = name.trim();
  if (keepFull || text === '' || text.includes('*')) return text;
  // Array.from splits by code point, so a rare character outside the BMP counts once.
  const chars = Array.from(text);
  if (chars.length === 1) return '*';
  return (chars[0] ?? '') + '*'.repeat(chars.length - 1);
}

/*
 * Province, prefecture and county by their suffixes, separated by spaces (Taobao: 浙江省 杭州市 西湖区)
 * or not (Douyin: 浙江省杭州市西湖区). Names exclude digits and the suffix characters, so a lazy match
 * cannot run on into the street. The four municipalities come bare or with 市 (北京 北京市 朝阳区).
 */
const CN_REGION =
  /^\s*((?:[^\s\d省市区县旗]{2,10}?(?:省|自治区|特别行政区)|(?:北京|上海|天津|重庆)市?)\s*)?([^\s\d省市区县旗]{1,10}?(?:市|自治州|地区|盟)\s*)?([^\s\d省市区县旗]{1,10}?(?:区|县|旗|市)\s*)?/u;

/**
 * Reduces an address to its region, which is what an appeal needs to show delivery spread:
 * 浙江省 杭州市 西湖区 文三路 90 号 -> 浙江省 杭州市 西湖区. An address that cannot be read safely
 * becomes '' rather than risk leaking a street.
 */
export function addressRegion(address: string, { keepFull }: PrivacyOptions): string {
  const text = address.trim();
  if (keepFull || text === '') return text;
  if (/\p{Script=Han}/u.test(text)) return CN_REGION.exec(text)?.[0].trim() ?? '';
  return latinRegion(text);
}

/**
 * Amazon-style "street, city, state postcode, country": the first part is the street and any token
 * with a digit is a house number or postcode, so what remains is city, state and country.
 */
function latinRegion(text: string): string {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.length < 2) return '';
  const kept = parts
    .slice(1)
    .map((part) => part.split(/\s+/).filter((token) => !/\d/.test(token)).join(' '))
    .filter((part) => part !== '');
  return kept.slice(-3).join(', ');
}
