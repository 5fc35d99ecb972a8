import { EXHIBIT_LETTER } from '@/lib/evidence/categories';

/*
 * The reference grammar of the statement (shared by the editor, the draft, the short version, the
 * review and the bundle). Three forms:
 *
 *   stored   [[ev:<evidence id>]]   what the database keeps for an exhibit reference
 *   typed    [B-003]  【B-003】  ［B-003］   what the merchant sees and types in the editor
 *   order    [订单 3412…]  [Order 3412…]  (any of the three bracket pairs) stored as typed
 *   deleted  [已删除的证据]  [deleted exhibit]   what the editor shows for a key whose exhibit is gone
 *
 * Why a stable key and not the exhibit id: exhibit ids are positions (B-003 is the third invoice)
 * and positions change whenever the merchant sorts by date, moves an exhibit, changes its category
 * or deletes one before it. Rewriting the statement at each of those places would be forgotten by
 * the next feature that renumbers; a key that never changes cannot go stale. So the editor shows
 * the typed form (toDisplay on load) and the save turns every typed id that names an exhibit into
 * its key (toStored); a typed id that names no exhibit stays as typed text and is flagged.
 * Order numbers never change, so orders are stored as typed.
 *
 * A deleted exhibit is deleted for good, so its key can never point anywhere again: the editor
 * shows it as a words token the merchant understands, the save keeps that token as typed (still a
 * reference, so the review flags it and the bundle prints nothing for it), and the merchant's own
 * words around it are never touched.
 *
 * Full-width brackets count because a Chinese input method types 【 for [; only an exhibit id or
 * an order number inside makes a reference, so 【重要】 stays plain text.
 */

export type Reference =
  | { kind: 'exhibitKey'; evidenceId: string; raw: string }
  | { kind: 'exhibitId'; exhibitId: string; raw: string }
  | { kind: 'order'; orderNo: string; raw: string }
  | { kind: 'deleted'; raw: string };
export type Segment = { kind: 'text'; text: string } | Reference;

const LETTERS = [...new Set(Object.values(EXHIBIT_LETTER))].join('');
const OPEN = String.raw`\[【［`;
const CLOSE = String.raw`\]】］`;
/** The words of the deleted-exhibit token, in each language the editor speaks (statementRefs.deletedToken). */
export const DELETED_WORDS = ['已删除的证据', 'deleted exhibit'] as const;
/** One pattern for all three forms; the groups say which matched. */
const REFERENCE = new RegExp(
  [
    String.raw`\[\[ev:([A-Za-z0-9_-]{1,64})\]\]`,
    String.raw`[${OPEN}]\s*([${LETTERS}])-(\d{1,5})\s*[${CLOSE}]`,
    String.raw`[${OPEN}]\s*(?:订单|Order)\s*[:：]?\s*([A-Za-z0-9][A-Za-z0-9_-]{0,63})\s*[${CLOSE}]`,
    String.raw`[${OPEN}]\s*(${DELETED_WORDS.join('|')}|Deleted exhibit)\s*[${CLOSE}]`,
  ].join('|'),
  'g',
);

/** "B-003": the exhibit id for a letter and a position, as lib/export/collect.ts numbers them. */
export function formatExhibitId(letter: string, position: number): string {
  return `${letter}-${String(position).padStart(3, '0')}`;
}

/**
 * The text with each stored key as long as a typed id ("[B-003]", 7 characters): the length the
 * merchant typed and sees, which the section cap applies to (a key is 43 characters, so a section
 * near the cap with many references would fail the cap once saved).
 */
export function typedLength(text: string): string {
  return text.replace(/\[\[ev:[A-Za-z0-9_-]{1,64}\]\]/g, '[X-000]');
}

/** The stored form of a reference to an exhibit: survives renumbering. */
export function exhibitKey(evidenceId: string): string {
  return `[[ev:${evidenceId}]]`;
}

/** The typed form of a reference to an exhibit, as the editor shows it: "[B-003]". */
export function exhibitRef(exhibitId: string): string {
  return `[${exhibitId}]`;
}

/** The form of a reference to an order, in the document's language: "[订单 3412]" / "[Order 3412]". */
export function orderRef(orderNo: string, language: 'zh-CN' | 'en' = 'zh-CN'): string {
  return `[${language === 'en' ? 'Order' : '订单'} ${orderNo}]`;
}

/** Splits a statement into plain text and references; anything malformed stays plain text. */
export function parseReferences(text: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(REFERENCE)) {
    const at = m.index;
    if (at > last) out.push({ kind: 'text', text: text.slice(last, at) });
    const [raw, key, letter, digits, orderNo, deleted] = m;
    if (key) out.push({ kind: 'exhibitKey', evidenceId: key, raw });
    else if (letter && digits) out.push({ kind: 'exhibitId', exhibitId: formatExhibitId(letter, Number(digits)), raw });
    else if (orderNo) out.push({ kind: 'order', orderNo, raw });
    else if (deleted) out.push({ kind: 'deleted', raw });
    last = at + raw.length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/** An exhibit as references see it: its stable key and its current id. */
export type ExhibitHandle = { evidenceId: string; exhibitId: string };

/** For saving: every typed id that names an exhibit of the case becomes its key; the rest stays as typed. */
export function toStored(text: string, exhibits: readonly ExhibitHandle[]): string {
  const byId = new Map(exhibits.map((x) => [x.exhibitId, x.evidenceId]));
  return parseReferences(text)
    .map((s) => {
      if (s.kind === 'text') return s.text;
      const key = s.kind === 'exhibitId' ? byId.get(s.exhibitId) : undefined;
      return key ? exhibitKey(key) : s.raw;
    })
    .join('');
}

/**
 * For the editor and the review: every key of an existing exhibit shows as its current id; a key
 * whose exhibit was deleted shows as `deleted` ("[已删除的证据]"), which saving keeps as typed, so
 * the review keeps flagging it and nothing the merchant wrote is lost.
 */
export function toDisplay(text: string, exhibits: readonly ExhibitHandle[], deleted = '[已删除的证据]'): string {
  const byKey = new Map(exhibits.map((x) => [x.evidenceId, x.exhibitId]));
  return parseReferences(text)
    .map((s) => {
      if (s.kind !== 'exhibitKey') return s.kind === 'text' ? s.text : s.raw;
      const id = byKey.get(s.evidenceId);
      return id ? exhibitRef(id) : deleted;
    })
    .join('');
}
