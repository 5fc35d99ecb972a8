import 'server-only';
import { dictionary } from '@zxcvbn-ts/language-common';

/** Ranked by how often they appear in leaked password lists (zxcvbn-ts, MIT), most common first. */
const RANKED = dictionary['passwords-common'];
/** A bare word or number a password is built on is refused only among the most common. */
const TOP_CORES = 10_000;
const DECORATION = /[\d!@#$%^&*.?_\-~+]+/;

let lists: { all: Set<string>; top: Set<string> } | undefined;

function load() {
  lists ??= { all: new Set(RANKED), top: new Set(RANKED.slice(0, TOP_CORES)) };
  return lists;
}

/** What a password is built on once the usual decoration is taken off: `password1` → `password`. */
function cores(password: string): string[] {
  const trailing = password.replace(new RegExp(`${DECORATION.source}$`), '');
  const leading = password.replace(new RegExp(`^${DECORATION.source}`), '');
  const both = leading.replace(new RegExp(`${DECORATION.source}$`), '');
  const found = [trailing, leading, both];
  // `12345678a`, `ab123456`: a common number with a letter or two added.
  const letters = password.replace(/\P{L}/gu, '');
  if (letters.length <= 2) found.push(password.replace(/\p{L}/gu, ''));
  return found.filter((core) => core.length >= 4 && core !== password);
}

/** True for passwords on the shipped common-password list, whatever their case or added digits. */
export function isCommonPassword(password: string): boolean {
  const { all, top } = load();
  const lower = password.trim().toLowerCase();
  return all.has(lower) || cores(lower).some((core) => top.has(core));
}
