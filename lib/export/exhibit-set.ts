import 'server-only';
import os from 'node:os';
import { readAll, type BlobStore } from '@/lib/storage';
import type { BundleText } from './bundle-text';
import type { BundleData } from './collect';
import { buildExhibitPages } from './exhibit-build';
import { contentKey, factsKey, isTextContent, pagesKey, readContent, readFacts, readPages, readPagesMeta, writeContent, writeFacts, writePages } from './exhibit-cache';
import { encodeImages, mapLimit, type ImageLevel } from './images';
import { attachable, contentImages, drawsImages, estimate, factsOf, pdfActiveContent, prepare, type Content, type Prepared } from './prepare';
import type { ExhibitPages } from './writer-evidence';

type Progress = (done: number, total: number, item: string) => Promise<void> | void;

/**
 * Exhibits that draw images typeset at once: one more than the cores, since each lane also waits
 * on the event loop (its page) and the disk between encodes. On the benchmark's 2 cores, 3 lanes
 * took 0.1–0.3 s off the heavy case's 6.7–7 s against 2 (four paired runs). At most 4, so that one
 * merchant's export leaves a bigger machine to the others.
 */
const IMAGE_LANES = Math.min(4, os.availableParallelism() + 1);

/**
 * Cache writes that go on while the lanes do (each waits on the disk's fsync): `settle` waits for
 * them all, then throws the first failure. Caught as they fail, so none is an unhandled rejection.
 */
function writeBehind() {
  const writes: Array<Promise<unknown>> = [];
  let failed: { error: unknown } | undefined;
  return {
    stash: (write: Promise<unknown>) => void writes.push(write.catch((error: unknown) => (failed ??= { error }))),
    settle: async () => {
      await Promise.all(writes);
      if (failed) throw failed.error;
    },
  };
}

/** Contents worth not reading again when the pages are cached: decoding photos, loading PDFs, probing videos. */
const REUSABLE = new Set(['images', 'pdf', 'video', 'placeholder']);
/** A stored file found missing is never remembered: once restored (a backup), the next export shows it. */
const reusable = (content: Content) => REUSABLE.has(content.kind) && !(content.kind === 'placeholder' && content.reason === 'missing');

/**
 * Every exhibit read, two at a time, except those whose facts a previous export stored (a photo,
 * a PDF, a video): those stand in for them until their pages turn out not to be cached after all.
 * Chat logs, texts and tables are needed whole (the dossiers quote the chats): they come as an
 * earlier export read them, else are read and kept so. A PDF is not loaded here: where its pages are
 * copied (exhibitPages).
 */
export async function readExhibits(data: BundleData, store: BlobStore, progress: Progress): Promise<Prepared[]> {
  let done = 0;
  const writes = writeBehind();
  const prepared = await mapLimit(data.exhibits, 2, async (exhibit) => {
    const facts = await readFacts(store, factsKey(data.caseId, exhibit));
    let content: Content | null = facts ? { kind: 'cached', facts } : await readContent(store, contentKey(data.caseId, exhibit));
    if (!content) {
      content = await prepare(exhibit, store);
      if (isTextContent(content)) writes.stash(writeContent(store, contentKey(data.caseId, exhibit), content));
    }
    done += 1;
    await progress(done, data.exhibits.length, `${exhibit.exhibitId} ${exhibit.title}`);
    return { exhibit, content, estimate: estimate(exhibit, content), volume: 1 };
  });
  await writes.settle();
  return prepared;
}

/**
 * Each exhibit's pages: from the cache when an export already typeset them from the same inputs,
 * else typeset now and stored. Afterwards each exhibit's content is dropped for its facts, so the
 * encoded images are not held while the bundle is assembled. Returns the pages and the hits.
 */
export async function exhibitPages(data: BundleData, prepared: Prepared[], text: BundleText, store: BlobStore, level: ImageLevel, progress: Progress) {
  const found = new Map<string, ExhibitPages>();
  let hits = 0;
  let done = 0;
  // Stored while the lanes go on (each write waits on the disk's fsync, about a second of a heavy
  // export's lanes): all are in the cache before the pages are read back from it.
  const { stash, settle } = writeBehind();
  const one = async (p: Prepared) => {
    const x = p.exhibit;
    // Read in this export: its facts are stored once its pages are, for the next export to go by.
    const keep = p.content.kind !== 'cached' && reusable(p.content);
    const facts = factsOf(x, p.content);
    const key = pagesKey(data.caseId, x, data.language, drawsImages(p.content) ? level : null, undefined, p.scan);
    let meta = await readPagesMeta(store, key);
    let held: Uint8Array | undefined;
    if (meta) hits += 1;
    else {
      if (p.content.kind === 'cached') p.content = await prepare(x, store);
      // Headers read, pixels not: a file broken past its header shows up only now, and is explained like one broken at the start.
      await encodeImages(contentImages(p.content), level).catch(() => (p.content = { kind: 'placeholder', reason: 'undecodable' }));
      const built = await buildExhibitPages(p, text, store);
      meta = built.meta;
      // A missing original's explanation page is not cached: once the file is back, the next export shows it.
      if (meta.warning?.reason === 'missing') held = built.bytes;
      else stash(writePages(store, key, built.bytes, built.meta));
    }
    if (p.content.kind === 'pdf') {
      // Its pages were cached but not its facts (the sweep took them): the load its copy would have made.
      p.content.active ??= await pdfActiveContent(p.content.unlocked ?? (await readAll(store, x.storageKey)));
      facts.attachable = attachable(p.content);
    }
    if (keep) stash(writeFacts(store, factsKey(data.caseId, x), facts));
    p.content = { kind: 'cached', facts };
    const stored = async () => (await readPages(store, key)) ?? Promise.reject(new Error(`cached pages of ${x.exhibitId} vanished during the export`));
    found.set(x.exhibitId, { meta, bytes: held ? async () => held : stored });
    done += 1;
    await progress(done, prepared.length, `${x.exhibitId} ${x.title}`);
  };
  // Images are encoded by libvips on its own threads while the event loop typesets chats and merges
  // PDFs: lanes of exhibits that draw images beside one lane of the others keep the cores busy (the
  // event loop is one thread, so a second lane of chats would only take turns with the first).
  // The bundle's order does not depend on which finishes first.
  const drawing = (p: Prepared) => drawsImages(p.content);
  await Promise.all([mapLimit(prepared.filter(drawing), IMAGE_LANES, one), mapLimit(prepared.filter((p) => !drawing(p)), 1, one)]);
  await settle();
  return { pagesOf: (exhibitId: string) => found.get(exhibitId), hits };
}
