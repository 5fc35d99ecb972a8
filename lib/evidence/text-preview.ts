import 'server-only';
import { decodeBytes } from '@/lib/orders/import/decode';
import { blobStore } from '@/lib/storage';
import { cutAtCharacter } from '@/lib/text/cut-at-character';

const PREVIEW_BYTES = 16 * 1024;
const PREVIEW_LINES = 40;

/** The first lines of a chat log or other text file, decoded (UTF-8, GBK or UTF-16), for showing as text. */
export async function textPreview(storageKey: string): Promise<string | null> {
  const stream = await blobStore().get(storageKey);
  if (!stream) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= PREVIEW_BYTES) break;
  }
  stream.destroy();
  // Cut on a character boundary before guessing: a UTF-8 character cut in half makes the whole
  // preview invalid UTF-8, and the guess then reads it as GB18030 mojibake.
  const { text } = decodeBytes(cutAtCharacter(new Uint8Array(Buffer.concat(chunks)), PREVIEW_BYTES));
  return text.split(/\r?\n/).slice(0, PREVIEW_LINES).join('\n');
}
