/**
 * Decodes HEIC photos the way an upload does (libheif-js, then sharp's preview and thumbnail from
 * the pixels) and prints the time and the process's peak memory. libheif-js decodes in a
 * WebAssembly memory that grows to fit the largest photo and never shrinks: the task thread keeps
 * that much for its life, which is why the figure is worth watching. A script, not a timed test.
 *
 * Run (files as arguments; defaults to the committed fixture):
 *   JITI_ALIAS="{\"server-only\":\"$PWD/lib/testing/empty-module.ts\",\"@\":\"$PWD\"}" npx jiti bench/heic.ts photo.heic …
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inspectHeic } from '@/lib/evidence/inspect/heic';
import { makeDerivedPreview, makeThumbnail } from '@/lib/evidence/inspect/image';

const files = process.argv.slice(2);
if (files.length === 0) files.push('lib/testing/fixtures/iphone-portrait.heic');
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
console.log(`start rss_mb=${mb(process.memoryUsage().rss)}`);

for (const file of files) {
  const bytes = readFileSync(file);
  let t = performance.now();
  const image = await inspectHeic(bytes);
  const decodeMs = performance.now() - t;
  if (image.status !== 'ok') {
    console.log(`${path.basename(file)}: refused (${image.reason}) after ${decodeMs.toFixed(0)} ms`);
    continue;
  }
  t = performance.now();
  const preview = await makeDerivedPreview(image.pixels);
  const thumb = await makeThumbnail(image.pixels);
  const deriveMs = performance.now() - t;
  const { rss } = process.memoryUsage();
  // maxRSS is in kilobytes: the peak of the whole process so far.
  console.log(
    `${path.basename(file)}: ${(bytes.length / 1e6).toFixed(1)} MB, ${image.width}×${image.height} (${((image.width * image.height) / 1e6).toFixed(1)} MP); ` +
      `decode ${(decodeMs / 1000).toFixed(2)} s, preview+thumbnail ${(deriveMs / 1000).toFixed(2)} s (${preview.width}×${preview.height}, ${thumb.width}×${thumb.height}); ` +
      `rss_mb=${mb(rss)} peak_rss_mb=${mb(process.resourceUsage().maxRSS * 1024)}`,
  );
}
