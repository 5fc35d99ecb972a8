/** Marks text cut for display, so a cut value is never mistaken for the whole one. */
export const CUT_MARK = '…';

/**
 * `text` when it has at most `max` UTF-16 units; otherwise its start and CUT_MARK, `max` units in
 * all. The cut never splits a surrogate pair: half an emoji is invalid text that JSON and the
 * browser would show as a replacement character.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - CUT_MARK.length);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end) + CUT_MARK;
}
