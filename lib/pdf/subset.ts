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

/** Every character the font has: the whole font, for typesetting ahead (lib/pdf/fonts.ts drawingFonts). */
export const ALL_CHARACTERS = Symbol('every character');

const tag = (name: string) => [...name].reduce((n, ch) => (n << 8) + ch.charCodeAt(0), 0);

/**
 * A TrueType font cut to the glyphs of `text`, each at its number in `font`, without the tables
 * named in `dropTables` and without following layout substitutions (GSUB) to other glyphs.
 * One subset at a time: HarfBuzz's memory is one heap.
 */
export async function subsetKeepingIds(font: Uint8Array, text: string | typeof ALL_CHARACTERS, dropTables: string[]): Promise<Buffer> {
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
      if (text === ALL_CHARACTERS) {
        hb.hb_set_clear(unicodes);
        hb.hb_set_invert(unicodes);
      } else for (const ch of text) hb.hb_set_add(unicodes, ch.codePointAt(0) ?? 0);
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
