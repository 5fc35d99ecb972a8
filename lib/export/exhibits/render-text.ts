import { rgb } from 'pdf-lib';
import { INK, MUTED, type Typesetter } from '@/lib/pdf/layout';
import type { ChatMessage } from './chat-log';

const TEXT_SIZE = 9.5;
const TEXT_LINE_HEIGHT = 1.45;
const HEAD_SIZE = 8;
const HEAD_STEP = HEAD_SIZE * 1.5;
/** The shop's side sits further right and in blue, like the right-hand bubbles of a chat window. */
const SIDES = {
  buyer: { indent: 0, name: rgb(0.55, 0.27, 0.05), text: INK },
  shop: { indent: 28, name: rgb(0.1, 0.3, 0.6), text: rgb(0.08, 0.18, 0.38) },
} as const;
const SHOP_WORDS = /客服|店|官方|旗舰|商家|售后|掌柜/;

/**
 * Which speakers are the shop: names with 客服/店/官方/旗舰…; when no name says so, everyone but
 * the first speaker, who in a customer-service log is nearly always the buyer who opened the chat.
 */
export function shopSpeakers(messages: readonly ChatMessage[]): Set<string> {
  const speakers = [...new Set(messages.map((m) => m.speaker).filter(Boolean))];
  const named = speakers.filter((s) => SHOP_WORDS.test(s));
  return new Set(named.length > 0 ? named : speakers.slice(1));
}

/**
 * A conversation at the cursor: a muted "time  speaker" line, then the message wrapped below it.
 * `onMessage` hears each message's index once its first line's page is settled (a dossier's
 * reference to the line names that page).
 */
export function renderChat(ts: Typesetter, messages: ChatMessage[], onMessage: (index: number) => void = () => {}): void {
  const shop = shopSpeakers(messages);
  const textStep = TEXT_SIZE * TEXT_LINE_HEIGHT;
  for (const [index, message] of messages.entries()) {
    if (!message.speaker && !message.time) {
      ts.ensure(textStep);
      onMessage(index);
      // The export's own lines (title, 导出时间 …) in bold grey, notes before the first message in grey: never a speaker's words.
      ts.text(message.text, { size: TEXT_SIZE, color: MUTED, lineHeight: TEXT_LINE_HEIGHT, bold: message.header });
      ts.gap(4);
      continue;
    }
    const side = shop.has(message.speaker) ? SIDES.shop : SIDES.buyer;
    // Header and first line of the message stay together on one page.
    ts.ensure(HEAD_STEP + (message.text ? textStep : 0));
    onMessage(index);
    ts.y -= HEAD_STEP;
    const baseline = ts.y + (HEAD_STEP - HEAD_SIZE) / 2;
    let x = ts.left + side.indent;
    if (message.time) {
      ts.draw(message.time, { x, y: baseline, size: HEAD_SIZE, font: ts.fonts.regular, color: MUTED });
      x += ts.measure.width(`${message.time}  `, ts.fonts.regular, HEAD_SIZE);
    }
    const room = ts.left + ts.width - x;
    if (message.speaker && room > 0) {
      const name = ts.measure.fit(message.speaker, room, ts.fonts.bold, HEAD_SIZE);
      ts.draw(name, { x, y: baseline, size: HEAD_SIZE, font: ts.fonts.bold, color: side.name });
    }
    if (message.text) ts.text(message.text, { size: TEXT_SIZE, color: side.text, indent: side.indent + 12, lineHeight: TEXT_LINE_HEIGHT });
    ts.gap(5);
  }
}

/** Plain text at the cursor, line breaks kept, wrapped to the page width. */
export function renderPlainText(ts: Typesetter, text: string): void {
  ts.text(text, { size: TEXT_SIZE, lineHeight: TEXT_LINE_HEIGHT });
}

/**
 * Every character rendering will draw, for embedChineseFonts: the messages (with the ellipsis a cut
 * speaker name ends with), or plain text as it is.
 */
export function textCharacters(messagesOrText: ChatMessage[] | string): string {
  if (typeof messagesOrText === 'string') return messagesOrText;
  return `…${messagesOrText.map((m) => `${m.time}${m.speaker}${m.text}`).join('')}`;
}
