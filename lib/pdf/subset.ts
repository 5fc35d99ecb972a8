import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * HarfBuzz's subsetter (harfbuzzjs, the WebAssembly build subset-font wraps) with the one flag
 * subset-font does not pass: retain glyph ids. A subset that keeps every glyph at its number in
 * the whole font draws the same codes as the whole font, so pages typeset ahead with the whole
 * font (lib/pdf/fonts.ts drawingFonts) are copied into a bundle without rewriting their text
 * (lib/export/exhibit-copy.ts). The unused glyphs are empty: deflated, the subset is as small.
 */

const FLAGS = { noLayoutClosure: 0x200, retainGids: 0x2 } as const;
const SETS = { dropTables: 3, layoutFeatures: 6 } as const;

type Harfbuzz = {
  memory: WebAssembly.Memory;
  malloc(size: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_set_invert(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
  _initialize(): void;
};

// From the project root, not require.resolve: a bundle would turn the .wasm into a module number.
const WASM = path.join(process.cwd(), 'node_modules', 'harfbuzzjs', 'dist', 'harfbuzz-subset.wasm');
let instance: Promise<Harfbuzz> | undefined;

function harfbuzz(): Promise<Harfbuzz> {
  instance ??= readFile(WASM).then(async (wasm) => {
    const { instance: loaded } = await WebAssembly.instantiate(wasm);
    const hb = loaded.exports as unknown as Harfbuzz;
    hb._initialize();
    return hb;
  });
  instance.catch(() => (instance = undefined));
  return instance;
}

const tag = (name: string) => [...name].reduce((n, ch) => (n << 8) + ch.charCodeAt(0), 0);

/**
 * A TrueType font cut to the glyphs of `text`, each at its number in `font`, without the tables
 * named in `dropTables` and without following layout substitutions (GSUB) to other glyphs.
 * One subset at a time: HarfBuzz's memory is one heap.
 */
export async function subsetKeepingIds(font: Uint8Array, text: string, dropTables: string[]): Promise<Buffer> {
  const hb = await harfbuzz();
  const run = async () => {
    const input = hb.hb_subset_input_create_or_fail();
    if (input === 0) throw new Error('HarfBuzz could not start a subset');
    const fontPointer = hb.malloc(font.byteLength);
    new Uint8Array(hb.memory.buffer).set(font, fontPointer);
    const blob = hb.hb_blob_create(fontPointer, font.byteLength, 2, 0, 0);
    const face = hb.hb_face_create(blob, 0);
    hb.hb_blob_destroy(blob);
    try {
      const features = hb.hb_subset_input_set(input, SETS.layoutFeatures);
      hb.hb_set_clear(features);
      hb.hb_set_invert(features);
      hb.hb_subset_input_set_flags(input, hb.hb_subset_input_get_flags(input) | FLAGS.noLayoutClosure | FLAGS.retainGids);
      const drop = hb.hb_subset_input_set(input, SETS.dropTables);
      for (const name of dropTables) hb.hb_set_add(drop, tag(name));
      const unicodes = hb.hb_subset_input_unicode_set(input);
      for (const ch of text) hb.hb_set_add(unicodes, ch.codePointAt(0) ?? 0);
      const subset = hb.hb_subset_or_fail(face, input);
      if (subset === 0) throw new Error('HarfBuzz could not subset the font');
      const result = hb.hb_face_reference_blob(subset);
      const data = hb.hb_blob_get_data(result, 0);
      const out = Buffer.from(new Uint8Array(hb.memory.buffer).subarray(data, data + hb.hb_blob_get_length(result)));
      hb.hb_blob_destroy(result);
      hb.hb_face_destroy(subset);
      if (out.length === 0) throw new Error('HarfBuzz made an empty subset');
      return out;
    } finally {
      hb.hb_subset_input_destroy(input);
      hb.hb_face_destroy(face);
      hb.free(fontPointer);
    }
  };
  const turn = queue.then(run);
  queue = turn.catch(() => undefined);
  return turn;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * The whole font without the named tables: its table directory written again over the tables
 * kept, byte for byte. For the whole font this is what a subset of every glyph would be, without
 * growing HarfBuzz's heap (which never shrinks) by the font's 10 MB several times over.
 */
export function withoutTables(font: Buffer, drop: string[]): Buffer {
  const count = font.readUInt16BE(4);
  const kept: Array<{ tag: string; checksum: number; data: Buffer }> = [];
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const tag = font.toString('latin1', at, at + 4);
    if (drop.includes(tag)) continue;
    const offset = font.readUInt32BE(at + 8);
    kept.push({ tag, checksum: font.readUInt32BE(at + 4), data: font.subarray(offset, offset + font.readUInt32BE(at + 12)) });
  }
  const power = 2 ** Math.floor(Math.log2(kept.length));
  const directory = 12 + kept.length * 16;
  // One buffer, each table copied once into it (allocating, zeroing and concatenating parts moved the
  // 10 MB three times: 0.1 s a weight); only the padding after each table is zeroed.
  const out = Buffer.allocUnsafe(kept.reduce((size, table) => size + ((table.data.length + 3) & ~3), directory));
  font.copy(out, 0, 0, 4);
  out.writeUInt16BE(kept.length, 4);
  out.writeUInt16BE(power * 16, 6);
  out.writeUInt16BE(Math.log2(power), 8);
  out.writeUInt16BE(kept.length * 16 - power * 16, 10);
  let offset = directory;
  kept.forEach((table, i) => {
    const at = 12 + i * 16;
    out.write(table.tag, at, 'latin1');
    out.writeUInt32BE(table.checksum, at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(table.data.length, at + 12);
    table.data.copy(out, offset);
    const padded = (table.data.length + 3) & ~3;
    out.fill(0, offset + table.data.length, offset + padded);
    offset += padded;
  });
  return out;
}
