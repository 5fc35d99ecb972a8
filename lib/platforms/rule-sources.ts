/**
 * The rule texts the checklists cite, exactly as lib/platforms/PLATFORMS.md records them (a test
 * holds every string here to that file, so a source cannot be invented in code).
 */
export type RuleDocument = {
  /** Where the rule text lives, as PLATFORMS.md writes it (a host or path; not always a full URL). */
  url?: string;
  /** The rule's titles, as published. */
  titles: readonly string[];
  /** Published or effective date, ISO. */
  date?: string;
  /** false: a second-hand account of the policy (a seller-forum quote), not the platform's own page. */
  primary: boolean;
};

/** One requirement's source: the document, and the line of PLATFORMS.md it rests on, verbatim. */
export type RuleSource = { document: RuleDocument; says: string };

export const TMALL_FAKE_TRANSACTION_RULE: RuleDocument = {
  url: 'rulechannel.tmall.com ruleId 11000256',
  titles: ['《虚假交易的规则及实施细则》'],
  date: '2026-02-27',
  primary: true,
};

// PLATFORMS.md gives both documents as the sources of Douyin's evidence list without
// saying which line comes from which, so each requirement cites both.
export const DOUYIN_FAKE_TRANSACTION_RULES: RuleDocument = {
  url: 'school.jinritemai.com/doudian/web/rules/113470',
  titles: ['【虚假交易】处置细则', '《商家申诉举证标准》'],
  date: '2026-08-10',
  primary: true,
};

export const AMAZON_INVOICE_POLICY: RuleDocument = {
  titles: ['seller-forum quotes of the policy'],
  primary: false,
};
