/**
 * Text exhibits (chat logs, notes): decoding, chat-log recognition and typesetting. The pieces live
 * in their own files; this is the one import the bundle builder needs.
 */
export { decodeEvidenceText } from './decode-text';
export { parseChatLog, type ChatMessage } from './chat-log';
export { renderChat, renderPlainText, textCharacters } from './render-text';
