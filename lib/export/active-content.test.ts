import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '@/lib/cases/repository';
import { db } from '@/lib/db/client';
import { acceptUpload } from '@/lib/evidence/accept-upload';
import { blobStore } from '@/lib/storage';
import { completeCase } from '@/lib/testing/case-record';
import { makeUser } from '@/lib/testing/factories';
import { pdfText } from '@/lib/testing/pdf-read';
import { ACTIVE_KEYS, everyName, hostilePdf } from '@/lib/testing/hostile-pdf';
import { mixedPdf } from '@/lib/testing/bundle-case';
import { buildBundle, type BundleOutput } from './bundle';
import { collectBundleData, type BundleData } from './collect';

const dir = mkdtempSync(path.join(tmpdir(), 'active-content-test-'));
const SCRIPTED_HTML = '<html><body><p>订单 4012345678901234567 已发货</p><script>fetch("https://evil.example")</script></body></html>';
let data: BundleData;
let out: BundleOutput;
let attached: BundleOutput;
let hostile: Uint8Array;
const options = { maxBytes: 20 * 1024 * 1024, now: new Date('2026-11-22T04:00:00Z') };

/** The names of the originals attached inside a bundle. */
async function attachedNames(bundle: BundleOutput): Promise<string[]> {
  const doc = await PDFDocument.load(bundle.volumes[0]!.bytes);
  const files = doc.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict).lookup(PDFName.of('Names'), PDFArray);
  return files.asArray().filter((o) => o instanceof PDFHexString || o instanceof PDFString).map((o) => (o as PDFString).decodeText());
}

beforeAll(async () => {
  const user = await makeUser('李小红');
  const caseId = (await createCase(user.id, { title: '脚本 PDF', platform: 'tmall', appealDeadline: new Date('2026-12-10T00:00:00Z') })).id;
  const { title: _title, platform: _platform, ...basics } = completeCase();
  await db.case.update({ where: { id: caseId }, data: basics });
  const upload = async (bytes: Uint8Array, fileName: string, category: string) => {
    const outcome = await acceptUpload({ userId: user.id, caseId, fileName, category, body: Readable.from([Buffer.from(bytes)]) });
    if (!outcome.ok) throw new Error(`fixture upload refused: ${fileName} ${outcome.error}`);
  };
  hostile = await hostilePdf();
  await upload(hostile, '带脚本的发票.pdf', 'invoice');
  await upload(await mixedPdf(), '发票.pdf', 'invoice');
  await upload(Buffer.from(SCRIPTED_HTML, 'utf8'), '订单页面.html', 'supply');
  data = await collectBundleData(caseId);
  out = await buildBundle(data, blobStore(), { ...options, attachOriginals: false });
  attached = await buildBundle(data, blobStore(), { ...options, attachOriginals: true });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a bundle built from scripted originals', () => {
  it('has no active-content key or action anywhere, in any object', async () => {
    expect(out.volumes).toHaveLength(1);
    const names = everyName(await PDFDocument.load(out.volumes[0]!.bytes));
    expect(ACTIVE_KEYS.filter((k) => names.has(k))).toEqual([]);
  });

  it('attaches only the clean original, and says why the others travel in the ZIP only', async () => {
    const scripted = data.exhibits.find((x) => x.originalName === '带脚本的发票.pdf')!;
    const html = data.exhibits.find((x) => x.originalName === '订单页面.html')!;
    const clean = data.exhibits.find((x) => x.originalName === '发票.pdf')!;
    expect(attached.attachedOriginals).toBe(true);
    expect(await attachedNames(attached)).toEqual([`${clean.exhibitId}.pdf`]);
    // Everything else in the attached bundle is as clean as without attachments.
    const names = everyName(await PDFDocument.load(attached.volumes[0]!.bytes));
    expect(ACTIVE_KEYS.filter((k) => names.has(k) && k !== 'EmbeddedFiles' && k !== 'EF')).toEqual([]);
    expect(out.warnings).toEqual(
      expect.arrayContaining([
        { exhibitId: scripted.exhibitId, reason: 'activeRemoved', removed: ['scripts', 'actions', 'links', 'forms', 'media', 'embeddedFiles'], zipOnly: true },
        { exhibitId: html.exhibitId, reason: 'htmlScripts', removed: ['scripts'], zipOnly: true },
      ]),
    );
    expect(out.warnings.filter((w) => 'removed' in w)).toHaveLength(2);
  });

  it('decides the same from a PDF read once, where its pages are typeset: with nothing cached, and with its pages cached but not its facts', async () => {
    const clean = data.exhibits.find((x) => x.originalName === '发票.pdf')!;
    const cache = `cases/${data.caseId}/cache/`;
    for (const swept of [cache, `${cache}exhibit-facts/`]) {
      await blobStore().deletePrefix(swept);
      const again = await buildBundle(data, blobStore(), { ...options, attachOriginals: true });
      expect(again.timings.cacheHits).toBe(swept === cache ? 0 : data.exhibits.length);
      expect(await attachedNames(again)).toEqual([`${clean.exhibitId}.pdf`]);
      expect(Buffer.from(again.volumes[0]!.bytes).equals(Buffer.from(attached.volumes[0]!.bytes))).toBe(true);
    }
  }, 60_000);

  it('keeps the stored original byte for byte', async () => {
    const scripted = data.exhibits.find((x) => x.originalName === '带脚本的发票.pdf')!;
    const stored = await buffer((await blobStore().get(scripted.storageKey))!);
    expect(createHash('sha256').update(stored).digest('hex')).toBe(createHash('sha256').update(hostile).digest('hex'));
  });

  it('shows the page and the filled field, and the caption says what was removed', async () => {
    const file = path.join(dir, 'bundle.pdf');
    writeFileSync(file, out.volumes[0]!.bytes);
    const text = (await pdfText(file)).replace(/\s+/g, '');
    expect(text).toContain('HOSTILEPAGETEXT');
    expect(text).toContain('FIELDVALUE42');
    expect(text).toContain('PDF中的脚本、');
    expect(text).toContain('原件未改动，SHA-256见清单');
    expect(text).toContain('仅随原件ZIP提供');
    expect(text).toContain('脚本不会运行');
  });
});
