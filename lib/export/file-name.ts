import { plainDisplayText } from '@/lib/evidence/inspect/file-name';
import { toChinaDate } from '@/lib/schemas/china-time';

/** Longest name part kept, in code points: descriptive in Chinese, short enough for Windows' 260-character paths. */
export const MAX_PART_LENGTH = 60;

/*
 * What Windows refuses in a file name (controls and bidi marks go first, by the shared rule). Path
 * separators are among them, so a name can never reach outside the folder it is unpacked into.
 */
const ILLEGAL = /[<>:"/\\|?*]/g;

/**
 * A piece of a file name that unpacks on Windows, macOS and Linux alike: NFC, no controls, no
 * characters Windows refuses (each becomes "_"), single spaces, at most `max` code points, and no
 * leading or trailing dots, spaces or underscores (Windows drops trailing dots and spaces, a leading
 * dot hides the file, and an underscore left from "../" means nothing).
 */
export function cleanNamePart(raw: string, max = MAX_PART_LENGTH): string {
  const cleaned = plainDisplayText(raw).replace(ILLEGAL, '_').replace(/ {2,}/g, ' ');
  const trim = (s: string) => s.replace(/^[\s._]+|[\s._]+$/g, '');
  // Cut by code point so a character outside the BMP is never split in half.
  return trim([...trim(cleaned)].slice(0, max).join(''));
}

/** YYYYMMDD of an instant in China time (UTC+8), whatever zone the server runs in. */
export function chinaDateStamp(date: Date): string {
  return toChinaDate(date).replace(/-/g, '');
}

/**
 * The download name of a bundle: 申诉证据包_<shop>_<YYYYMMDD>.<ext>, with the case title standing
 * in for a missing shop name and the middle part left out when both are empty.
 */
export function bundleFileName(shopName: string, title: string, date: Date, ext: 'pdf' | 'zip'): string {
  // A name with no letter or digit left ("-*-") says nothing; try the next one.
  const meaningful = (raw: string) => {
    const part = cleanNamePart(raw);
    return /[\p{L}\p{N}]/u.test(part) ? part : '';
  };
  const name = meaningful(shopName) || meaningful(title);
  return ['申诉证据包', name, chinaDateStamp(date)].filter(Boolean).join('_') + `.${ext}`;
}
