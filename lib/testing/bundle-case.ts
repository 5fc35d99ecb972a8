import { Readable } from 'node:stream';
import { degrees, PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { createCase } from '@/lib/cases/repository';
import { db } from '@/lib/db/client';
import { acceptUpload } from '@/lib/evidence/accept-upload';
import { encryptedPdf, generatedPdf } from '@/lib/evidence/inspect/test-fixtures';
import { upsertOrders } from '@/lib/orders/repository';
import { completeCase } from './case-record';
import { makeUser } from './factories';

/** A PDF with an A4 page, a landscape page and a page turned by /Rotate 90, each with text. */
export async function mixedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const sizes: Array<[number, number, number]> = [
    [595, 842, 0],
    [842, 595, 0],
    [595, 842, 90],
  ];
  sizes.forEach(([w, h, rotation], i) => {
    const page = doc.addPage([w, h]);
    page.setRotation(degrees(rotation));
    page.drawText(`INVOICE PAGE ${i + 1}`, { x: 60, y: h - 80, size: 24, font });
  });
  doc.setCreationDate(new Date('2026-11-11T12:00:00Z'));
  doc.setModificationDate(new Date('2026-11-11T12:00:00Z'));
  return doc.save({ useObjectStreams: false });
}

/** A phone-like photo: noisy, so it compresses like a real one, with an EXIF orientation. */
export async function noisyPhoto(width: number, height: number, orientation?: number): Promise<Buffer> {
  let image = sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).jpeg({ quality: 90 });
  if (orientation) image = image.withMetadata({ orientation });
  return image.toBuffer();
}

export const CHAT_LOG = [
  '2026-11-10 09:12:03 小雨点: 你好，这款充电宝还有货吗？',
  '2026-11-10 09:12:40 小明数码客服: 亲，有货的，今天下单今天发货。',
  '2026-11-10 09:13:15 小雨点: 好的，我拍了，麻烦尽快发顺丰。',
  '2026-11-10 09:14:02 小明数码客服: 收到，订单 4012345678901234567 已安排顺丰，单号稍后同步给您。',
].join('\n');

/**
 * A complete Tmall case with two flagged orders and one file of every kind the
 * bundle handles, broken ones included: a mixed PDF, a rotated photo, a chat
 * log, a CSV, an encrypted PDF and a truncated PDF.
 */
export async function bundleCase() {
  const user = await makeUser('王小明');
  const caseId = (await createCase(user.id, { title: '双十一订单申诉', platform: 'tmall', appealDeadline: new Date('2026-12-10T00:00:00Z') })).id;
  const { title: _title, platform: _platform, ...basics } = completeCase();
  await db.case.update({ where: { id: caseId }, data: basics });
  await upsertOrders(
    caseId,
    [
      { orderNo: '4012345678901234567', createdAt: new Date('2026-11-10T01:13:00Z'), amountCents: 12900, itemTitle: '20000毫安充电宝', trackingNo: 'SF1234567890123', carrier: '顺丰速运' },
      { orderNo: '4012345678901234568', createdAt: new Date('2026-11-10T02:00:00Z'), amountCents: 5900, itemTitle: '数据线', trackingNo: '', carrier: '' },
      { orderNo: '4012345678901234569', createdAt: new Date('2026-11-10T03:00:00Z'), amountCents: 5900, itemTitle: '数据线' },
    ],
    'manual',
  );
  await db.order.updateMany({ where: { caseId, orderNo: { in: ['4012345678901234567', '4012345678901234568'] } }, data: { flagged: true } });

  const upload = async (bytes: Uint8Array, fileName: string, category: string) => {
    const outcome = await acceptUpload({ userId: user.id, caseId, fileName, category, body: Readable.from([Buffer.from(bytes)]) });
    if (!outcome.ok) throw new Error(`fixture upload refused: ${fileName} ${outcome.error}`);
    return outcome.evidenceId;
  };
  const truncated = (await generatedPdf(4)).slice(0, 400);
  const ids = {
    invoice: await upload(await mixedPdf(), '发票.pdf', 'invoice'),
    locked: await upload(encryptedPdf(), '银行流水（加密）.pdf', 'invoice'),
    photo: await upload(await noisyPhoto(1200, 800, 6), '快递底单.jpg', 'logistics'),
    chat: await upload(Buffer.from(CHAT_LOG, 'utf8'), '聊天记录.txt', 'chat'),
    sheet: await upload(Buffer.from('订单号,商品,数量\n4012345678901234567,20000毫安充电宝,1\n', 'utf8'), '出库单.csv', 'supply'),
    broken: await upload(truncated, '合同（不完整）.pdf', 'supply'),
  };
  const flagged = await db.order.findFirstOrThrow({ where: { caseId, orderNo: '4012345678901234567' } });
  await db.evidenceOrder.createMany({ data: [ids.invoice, ids.photo, ids.chat].map((evidenceId) => ({ evidenceId, orderId: flagged.id })) });
  return { user, caseId, ids };
}
