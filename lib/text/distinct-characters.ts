/**
 * How many different characters (code points, as a string iterates them) the texts hold, counted
 * on a bitmap of every code point: a Set built from a bundle's million characters of chat logs took
 * 0.06 s of every export; this takes a few milliseconds.
 */
export function distinctCharacters(texts: readonly string[]): number {
  const seen = new Uint8Array(0x110000 >> 3);
  let count = 0;
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          c = ((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
          i++;
        }
      }
      const bit = 1 << (c & 7);
      if ((seen[c >> 3] as number) & bit) continue;
      seen[c >> 3] = (seen[c >> 3] as number) | bit;
      count++;
    }
  }
  return count;
}
