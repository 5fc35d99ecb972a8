import iconv from 'iconv-lite';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { noisyPhoto } from '@/lib/testing/bundle-case';
import { generatedPdf, heicPhoto, minimalDocx } from '@/lib/evidence/inspect/test-fixtures';
import { inspectHeic } from '@/lib/evidence/inspect/heic';
import { makeDerivedPreview } from '@/lib/evidence/inspect/image';
import { qpdfTransform } from '@/lib/testing/pdf-read';
import { blobStore } from '@/lib/storage';
import type { Exhibit } from './collect';
import { encodeImages } from './images';
import { prepare } from './prepare';

let n = 0;
async function exhibit(kind: string, bytes: Uint8Array | null, extra: Partial<Exhibit> = {}): Promise<Exhibit> {
  const storageKey = `cases/prepare-test/evidence/${n++}`;
  if (bytes) await blobStore().put(storageKey, bytes);
  return {
    evidenceId: 'e',
    exhibitId: 'O-001',
    category: 'other',
    title: 't',
    documentDate: null,
    description: '',
    orderNos: [],
    originalName: 'f',
    kind,
    mime: 'application/octet-stream',
    size: bytes?.length ?? 0,
    sha256: '0'.repeat(64),
    uploadedAt: new Date(),
    storageKey,
    previewKey: null,
    checkStatus: 'ok',
    checkReason: '',
    ...extra,
  };
}

describe('prepare', () => {
  it('reads a GBK chat log as a conversation', async () => {
    const log = '2026-11-10 09:12:03 小雨点: 你好，这款充电宝还有货吗？\n2026-11-10 09:12:40 小明数码客服: 亲，有货的。\n';
    const content = await prepare(await exhibit('text', iconv.encode(log, 'gbk')), blobStore());
    expect(content).toMatchObject({ kind: 'chat', messages: [{ speaker: '小雨点' }, { speaker: '小明数码客服', text: '亲，有货的。' }] });
  });

  it('turns what cannot be typeset into a placeholder with the reason', async () => {
    const japanese = iconv.encode('お問い合わせありがとうございます。商品は本日発送いたします。よろしくお願いいたします。'.repeat(5), 'shift_jis');
    expect(await prepare(await exhibit('text', japanese), blobStore())).toEqual({ kind: 'placeholder', reason: 'encoding' });
    expect(await prepare(await exhibit('docx', minimalDocx()), blobStore())).toEqual({ kind: 'placeholder', reason: 'unsupported' });
    expect(await prepare(await exhibit('jpeg', Buffer.from('not a jpeg at all')), blobStore())).toEqual({ kind: 'placeholder', reason: 'undecodable' });
    expect(await prepare(await exhibit('text', null), blobStore())).toEqual({ kind: 'placeholder', reason: 'missing' });
    expect(await prepare(await exhibit('pdf', Buffer.from('%PDF-1.4'), { checkStatus: 'flagged', checkReason: 'encrypted' }), blobStore())).toEqual({ kind: 'placeholder', reason: 'encrypted' });
    expect(await prepare(await exhibit('xlsx', Buffer.from('PK\u0003\u0004 broken')), blobStore())).toEqual({ kind: 'placeholder', reason: 'corrupt' });
  });

  it('shows a HEIC through its upright preview, and explains one without it instead of printing its bytes', async () => {
    const original = heicPhoto('iphone-portrait.heic');
    const decoded = await inspectHeic(original);
    if (decoded.status !== 'ok') throw new Error(decoded.reason);
    const previewKey = `cases/prepare-test/derived/${n++}-preview.jpg`;
    await blobStore().put(previewKey, (await makeDerivedPreview(decoded.pixels)).data);
    const content = await prepare(await exhibit('heic', original, { previewKey }), blobStore());
    expect(content).toMatchObject({ kind: 'images', images: [{ width: 32, height: 48 }] });
    expect(await prepare(await exhibit('heic', original), blobStore())).toEqual({ kind: 'placeholder', reason: 'undecodable' });
  });

  it('reads only the header of a photo, so one broken past it is found when encoded and explained in the bundle', async () => {
    const whole = await noisyPhoto(800, 600);
    const cut = whole.subarray(0, Math.floor(whole.length / 2));
    const content = await prepare(await exhibit('jpeg', cut), blobStore());
    if (content.kind !== 'images') throw new Error(`not read as images: ${content.kind}`);
    await expect(encodeImages(content.images, 0)).rejects.toThrow();
  });

  it('reads a CSV export as a table', async () => {
    const csv = iconv.encode('订单编号,商品\n="4012345678901234567",充电宝\n', 'gbk');
    expect(await prepare(await exhibit('csv', csv), blobStore())).toMatchObject({ kind: 'sheets', sheets: [{ rows: [['订单编号', '商品'], ['4012345678901234567', '充电宝']] }] });
  });

  it('merges a PDF that only restricts permissions, and keeps a password-protected one out', async () => {
    const encrypt = (user: string) => qpdfTransform(plain, ['--encrypt', user, 'owner-secret', '256', '--print=none']);
    const plain = await generatedPdf(2);
    const flagged = { checkStatus: 'flagged', checkReason: 'encrypted' };
    const restricted = await prepare(await exhibit('pdf', await encrypt(''), flagged), blobStore());
    expect(restricted.kind).toBe('pdf');
    const unlocked = restricted.kind === 'pdf' ? restricted.unlocked : undefined;
    expect((await PDFDocument.load(unlocked!)).getPageCount()).toBe(2);
    expect(await prepare(await exhibit('pdf', await encrypt('1234'), flagged), blobStore())).toEqual({ kind: 'placeholder', reason: 'encrypted' });
  });
});
