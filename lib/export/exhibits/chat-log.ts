export type ChatMessage = { time: string; speaker: string; text: string };

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
const TIME_FIRST = new RegExp(String.raw`^\s*${OPEN}(${STAMP})(?:[\]】)）]\s*|\s+)([^\s:：，。！？][^:：，。！？]{0,31}?)\s*(?:[:：]\s?(.*))?$`);
const NAME_FIRST = new RegExp(String.raw`^([^\s:：，。！？](?:[^，。！？]{0,30}?[^\s:：，。！？])?)\s*${OPEN}(${STAMP})${CLOSE}\s*(?:[:：]\s?(.*))?$`);
/** A day separator ("—— 2024年3月1日 ——"), as WeChat writes between days: later clock-only times belong to it. */
const DAY_LINE = new RegExp(String.raw`^[\s\-—=·*]*(${DATE})(?:\s*(?:星期|周)[一二三四五六日天])?[\s\-—=·*]*$`);
const HAS_DATE = new RegExp(`^${DATE}`);
const DATE_ONLY = new RegExp(`^${DATE}$`);

type Header = { time: string; speaker: string; text: string | undefined };

function header(line: string): Header | null {
  const timeFirst = TIME_FIRST.exec(line);
  if (timeFirst) return { time: timeFirst[1] ?? '', speaker: (timeFirst[2] ?? '').trim(), text: timeFirst[3] };
  const nameFirst = NAME_FIRST.exec(line);
  // "2024-03-01 10:23:45" alone is a date and a time, not a speaker called 2024-03-01.
  if (nameFirst && !DATE_ONLY.test(nameFirst[1] ?? '')) return { time: nameFirst[2] ?? '', speaker: nameFirst[1] ?? '', text: nameFirst[3] };
  return null;
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

  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trimEnd();
    if (line.trim() === '') {
      lines.push('');
      continue;
    }
    const dayLine = DAY_LINE.exec(line);
    if (dayLine) {
      day = dayLine[1] ?? '';
      continue;
    }
    counted++;
    const found = header(line);
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
