/*
 * "time speaker: message" lines are ambiguous when a speaker's name holds a colon: 千牛 writes a
 * shop's sub-account as 主账号:子账号, so "2026-11-11 20:01:02 tb_店小二:客服A: 亲，在的" has two
 * colons. Splitting at the first one moved "客服A" into every message of that speaker. A name is
 * what repeats: the file is read once for every line's colon prefixes, and a line's speaker is the
 * longest prefix that every line sharing its first part also shares.
 */

/** A speaker's name is short and holds no sentence punctuation; it may hold a colon, never end with one. */
const NAME_PART = /^[^\s:：，。！？]{1,24}$/;
const MAX_NAME = 40;

export type SpeakerSplit = { speaker: string; text: string | undefined };

/** Prefixes of `rest` ending at a colon with no space after it, shortest first, each a plausible name. */
function namePrefixes(rest: string): string[] {
  const out: string[] = [];
  const first = /^([^:：，。！？]{1,32}?)\s*(?:[:：]|$)/.exec(rest);
  if (!first) return out;
  const head = (first[1] ?? '').trim();
  if (!head || /^\s/.test(rest)) return out;
  out.push(head);
  // Sub-account parts: a colon directly followed by a name part, then a colon, a space or the end.
  const part = /[:：]([^\s:：，。！？]+)(?=[:：]|\s|$)/y;
  part.lastIndex = first[1]?.length ?? 0;
  let name = head;
  for (let match = part.exec(rest); match; match = part.exec(rest)) {
    const piece = match[1] ?? '';
    if (!NAME_PART.test(piece) || name.length + 1 + piece.length > MAX_NAME) break;
    name = `${name}${match[0].slice(0, 1)}${piece}`;
    out.push(name);
  }
  return out;
}

export type SpeakerStats = {
  /** How many lines each name prefix begins. */
  counts: Map<string, number>;
  /** Prefixes seen followed by a separator colon and a message, on at least one line. */
  beforeText: Set<string>;
};

/** Reads every "time rest" line of a file for the name prefixes the lines share. */
export function speakerStats(rests: readonly string[]): SpeakerStats {
  const counts = new Map<string, number>();
  const beforeText = new Set<string>();
  for (const rest of rests) {
    for (const prefix of namePrefixes(rest)) {
      counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
      if (/^\s*[:：]\s?\S/.test(rest.slice(prefix.length))) beforeText.add(prefix);
    }
  }
  return { counts, beforeText };
}

/** Whether the whole text is a name, colon-joined parts included ("tb_店小二:客服A"). */
export function isName(rest: string): boolean {
  return namePrefixes(rest).at(-1) === rest.trim();
}

/**
 * The speaker and message of the text after a time. The speaker is the first colon part (the old
 * reading) unless a longer colon-joined prefix is a `known` name (from "name time" headers, or a
 * "time name" line with its message below), or begins at least two lines, every line its first
 * part begins, and a message after it somewhere ("小雨点:好的" said twice is not a name).
 * Null when the text cannot start with a speaker (sentence punctuation before any colon).
 */
export function splitSpeaker(rest: string, stats: SpeakerStats, known: ReadonlySet<string>): SpeakerSplit | null {
  const prefixes = namePrefixes(rest);
  const head = prefixes[0];
  if (head === undefined) return null;
  const base = stats.counts.get(head) ?? 0;
  const repeated = (p: string) => (stats.counts.get(p) ?? 0) >= 2 && stats.counts.get(p) === base && stats.beforeText.has(p);
  const longest = [...prefixes].reverse();
  const speaker = longest.find((p) => known.has(p)) ?? longest.find((p) => p === head || repeated(p)) ?? head;
  const after = rest.slice(speaker.length);
  const separator = /^\s*[:：]\s?/.exec(after);
  if (!separator && after.trim() !== '') return null;
  return { speaker, text: separator ? after.slice(separator[0].length) : undefined };
}
