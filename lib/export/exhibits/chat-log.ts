import { isName, speakerStats, splitSpeaker, type SpeakerStats } from './chat-log-speakers';

/** `header`: a line the export tool wrote about the log (its title, 导出时间 …), not anything said. */
export type ChatMessage = { time: string; speaker: string; text: string; header?: true };

const DATE = String.raw`\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?`;
const CLOCK = String.raw`(?:上午|下午|凌晨|早上|中午|晚上)?\s?\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp][Mm])?`;
const STAMP = String.raw`(?:${DATE}(?:\s+|T))?${CLOCK}`;
const OPEN = '[\\[【(（]?';
const CLOSE = '[\\]】)）]?';
/** After a bracketed time the speaker may follow without a space: "【10:26】客服小王". */

/*
 * The header shapes customer-service tools export (千牛/旺旺, 京东咚咚, 拼多多, 抖店飞鸽, WeChat):
 *   TIME_FIRST  "2024-03-01 10:23:45 买家: 消息", "[2024/3/1 10:23] 客服小王：消息", "2024年3月1日 10:23:45 店铺客服"
 *               "【2024/3/1 10:26】客服小王：好的" (no space needed after a closing bracket)
 *   NAME_FIRST  "买家昵称 2024-03-01 10:23:45", "客服小王(2024-03-01 10:23:45):", "旗舰店:小王 10:23:45"
 * A NAME_FIRST speaker may hold a colon (千牛 writes sub-accounts as 店铺:客服) but not end with one, so
 * "到货时间：2024-03-01 10:00" stays a message line. Speakers never hold sentence punctuation.
 */
const TIME_FIRST = new RegExp(String.raw`^\s*${OPEN}(${STAMP})(?:[\]】)）]\s*|\s+)(\S.*)$`);
const NAME_FIRST = new RegExp(String.raw`^([^\s:：，。！？](?:[^，。！？]{0,30}?[^\s:：，。！？])?)\s*${OPEN}(${STAMP})${CLOSE}\s*(?:[:：]\s?(.*))?$`);
/** A day separator ("—— 2024年3月1日 ——"), as WeChat writes between days: later clock-only times belong to it. */
const DAY_LINE = new RegExp(String.raw`^[\s\-—=·*]*(${DATE})(?:\s*(?:星期|周)[一二三四五六日天])?[\s\-—=·*]*$`);
const HAS_DATE = new RegExp(`^${DATE}`);
const DATE_ONLY = new RegExp(`^${DATE}$`);
/** A time on its own line, as a copy from a web chat (抖店飞鸽, 拼多多 商家后台) puts it between the name and the message. */
const TIME_ONLY = new RegExp(String.raw`^\s*${OPEN}(${STAMP})${CLOSE}\s*$`);
/*
 * The export tool's own lines: 导出时间/导出账号/聊天对象 … with a value, a title ending in 聊天记录 or
 * 聊天记录导出, "共 23 条消息", and rules of = - * (alone or around a title). The value-led ones are
 * recognised anywhere; a title or a rule only where a message cannot be running on (at the top,
 * after a blank line or after another such line), so "你看下聊天记录" inside a message stays in it.
 */
const META_LINE = /^\s*[[【]?(?:导出时间|导出日期|导出于|导出人|导出者|导出账号|导出帐号|导出范围|导出工具|聊天对象|会话对象|对话对象|聊天时间|时间范围|记录时间|消息总数|消息数量|消息条数|记录条数)[\]】]?(?:\s*[:：].*|\s+\S.*)?$|^\s*共\s*\d+\s*条(?:消息|记录|聊天记录)?\s*$/;
const TITLE_LINE = /^\s*[=\-—*#~_·]*\s*.{0,40}?(?:聊天记录|消息记录|会话记录|对话记录|咨询记录|聊天记录导出|消息记录导出|会话记录导出)(?:\s*[(（][^)）]*[)）])?\s*[=\-—*#~_·]*\s*$/;
const RULE_LINE = /^\s*[=\-—*#~_·]{3,}.*$/;

type Header = { time: string; speaker: string; text: string | undefined };

function header(line: string, stats: SpeakerStats, known: ReadonlySet<string>): Header | null {
  const timeFirst = TIME_FIRST.exec(line);
  const split = timeFirst ? splitSpeaker(timeFirst[2] ?? '', stats, known) : null;
  if (timeFirst && split) return { time: timeFirst[1] ?? '', ...split };
  const nameFirst = NAME_FIRST.exec(line);
  // "2024-03-01 10:23:45" alone is a date and a time, not a speaker called 2024-03-01.
  if (nameFirst && !DATE_ONLY.test(nameFirst[1] ?? '')) return { time: nameFirst[2] ?? '', speaker: nameFirst[1] ?? '', text: nameFirst[3] };
  return null;
}

/**
 * What the file says about its speakers before any line is split: the colon prefixes of every
 * "time …" line, and the names that are certainly whole: "name time" headers, and in a file whose
 * "time …" lines nearly all have their message on the lines below (WeChat's shape), the whole text
 * after each time. A single "time 客服:你看下" with a line after it is a message that runs on.
 */
function readSpeakers(lines: readonly string[]): { stats: SpeakerStats; known: Set<string> } {
  const rests: string[] = [];
  const alone: string[] = [];
  const known = new Set<string>();
  const isHeader = (line: string) => TIME_FIRST.test(line) || NAME_FIRST.test(line);
  lines.forEach((line, i) => {
    const timeFirst = TIME_FIRST.exec(line);
    if (timeFirst) {
      const rest = (timeFirst[2] ?? '').trim();
      rests.push(rest);
      const next = lines[i + 1] ?? '';
      if (isName(rest) && next.trim() !== '' && !isHeader(next)) alone.push(rest);
      return;
    }
    const nameFirst = NAME_FIRST.exec(line);
    if (nameFirst && !DATE_ONLY.test(nameFirst[1] ?? '')) known.add(nameFirst[1] ?? '');
  });
  if (alone.length >= 2 && alone.length >= rests.length * 0.8) for (const name of alone) known.add(name);
  return { stats: speakerStats(rests), known };
}

function isExportLine(line: string, atBoundary: boolean): boolean {
  return META_LINE.test(line) || (atBoundary && (TITLE_LINE.test(line) || RULE_LINE.test(line)));
}

/**
 * Splits a chat export into messages, or returns null when it is not one (fewer than 30% of
 * non-empty lines are message headers, or most headers carry no message, as in a logistics trace),
 * so the caller prints it as plain text. Message text is kept as written, only trailing whitespace
 * is trimmed; lines before the first header become a message with no time or speaker.
 */
export function parseChatLog(text: string): ChatMessage[] | null {
  const messages: ChatMessage[] = [];
  let lines: string[] = [];
  let current: Omit<ChatMessage, 'text'> = { time: '', speaker: '' };
  let day = '';
  let headers = 0;
  let counted = 0;
  const flush = () => {
    const body = lines.join('\n').replace(/^(?:[ \t]*\n)+/, '').trimEnd();
    if (current.speaker || body) messages.push({ ...current, text: body });
    lines = [];
  };

  const all = text.split(/\r\n|\r|\n/).map((raw) => raw.trimEnd());
  const { stats, known } = readSpeakers(all);
  // True at the top, after a blank line and after an export line: where no message runs on.
  let atBoundary = true;
  for (const line of all) {
    if (line.trim() === '') {
      lines.push('');
      atBoundary = true;
      continue;
    }
    const dayLine = DAY_LINE.exec(line);
    if (dayLine) {
      day = dayLine[1] ?? '';
      continue;
    }
    if (isExportLine(line, atBoundary)) {
      flush();
      messages.push({ time: '', speaker: '', text: line.trim(), header: true });
      current = { time: '', speaker: '' };
      atBoundary = true;
      continue;
    }
    atBoundary = false;
    const nameAbove = (lines.at(-1) ?? '').trim();
    const timeOnly = TIME_ONLY.exec(line);
    if (timeOnly && nameAbove && isName(nameAbove) && !DATE_ONLY.test(nameAbove)) {
      // "name / time / message": the line above was the speaker, not part of the message before.
      lines.pop();
      headers++;
      flush();
      const time = timeOnly[1] ?? '';
      current = { time: day && !HAS_DATE.test(time) ? `${day} ${time}` : time, speaker: nameAbove };
      continue;
    }
    counted++;
    const found = header(line, stats, known);
    if (!found) {
      lines.push(line);
      continue;
    }
    headers++;
    flush();
    current = { time: day && !HAS_DATE.test(found.time) ? `${day} ${found.time}` : found.time, speaker: found.speaker };
    if (found.text) lines.push(found.text);
  }
  flush();

  const spoken = messages.filter((m) => m.speaker);
  if (headers < 2 || headers < counted * 0.3) return null;
  if (spoken.filter((m) => m.text === '').length > spoken.length / 2) return null;
  return messages;
}
