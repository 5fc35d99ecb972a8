import { parseReferences, type ExhibitHandle } from './references';

/** An exhibit as the editor, the review and the bundle name it. */
export type ExhibitInfo = ExhibitHandle & { title: string };

export type Resolved =
  | { kind: 'text'; text: string }
  | { kind: 'exhibit'; exhibit: ExhibitInfo; raw: string }
  | { kind: 'order'; orderNo: string; raw: string }
  /** A key whose exhibit was deleted, or a typed id no exhibit has: flagged, never printed. */
  | { kind: 'dangling'; raw: string; exhibitId?: string };

/**
 * The statement's references against the case's exhibits as they are now: a key finds its
 * exhibit whatever it is numbered today; a typed id (saved before its exhibit existed) finds
 * the exhibit that holds that id now.
 */
export function resolveReferences(text: string, exhibits: readonly ExhibitInfo[]): Resolved[] {
  const byKey = new Map(exhibits.map((x) => [x.evidenceId, x]));
  const byId = new Map(exhibits.map((x) => [x.exhibitId, x]));
  return parseReferences(text).map((s): Resolved => {
    if (s.kind === 'text' || s.kind === 'order') return s;
    if (s.kind === 'deleted') return { kind: 'dangling', raw: s.raw };
    const exhibit = s.kind === 'exhibitKey' ? byKey.get(s.evidenceId) : byId.get(s.exhibitId);
    if (exhibit) return { kind: 'exhibit', exhibit, raw: s.raw };
    return s.kind === 'exhibitId' ? { kind: 'dangling', raw: s.raw, exhibitId: s.exhibitId } : { kind: 'dangling', raw: s.raw };
  });
}

/** How references read in plain text (the count, the copy for the platform's box), in the document's language. */
export type PlainWords = { exhibit: (exhibitId: string) => string; order: (orderNo: string) => string };

/**
 * The statement as printed, without page numbers (those exist only in the bundle): every
 * exhibit as "（证据 B-003）", every order as its number, dangling references left out.
 * The character count against the platform's limit is taken on this text everywhere.
 */
export function printedText(text: string, exhibits: readonly ExhibitInfo[], words: PlainWords): string {
  return resolveReferences(text, exhibits)
    .map((s) => {
      if (s.kind === 'text') return s.text;
      if (s.kind === 'exhibit') return words.exhibit(s.exhibit.exhibitId);
      if (s.kind === 'order') return words.order(s.orderNo);
      return '';
    })
    .join('');
}

/** The evidence ids the text refers to (live references only). */
export function referencedEvidence(text: string, exhibits: readonly ExhibitInfo[]): Set<string> {
  return new Set(resolveReferences(text, exhibits).flatMap((s) => (s.kind === 'exhibit' ? [s.exhibit.evidenceId] : [])));
}
