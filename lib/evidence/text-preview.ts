import 'server-only';
import { decodeBytes } from '@/lib/orders/import/decode';
import { blobStore } from '@/lib/storage';

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
  // A cut in the middle of a character shows as one replacement mark at the end, which is honest.
  const { text } = decodeBytes(new Uint8Array(Buffer.concat(chunks).subarray(0, PREVIEW_BYTES)));
  return text.split(/\r?\n/).slice(0, PREVIEW_LINES).join('\n');
}
