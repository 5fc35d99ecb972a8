/**
 * The PDF export for a heavy, realistic case: 120 phone photos (4000 × 3000 JPEG, 2 to 5 MB, some
 * turned by EXIF orientation), 20 PDFs of 400 pages in all, 10 Chinese chat logs of 2,000 lines and
 * 500 orders of which 50 are flagged, all uploaded through acceptUpload into a fresh database.
 * The export then runs in a child process (bench/export-run.ts), so the peak memory printed is the
 * export's alone, not the photo generation's. Leaves the bundle at bench/out/bundle.pdf (further
 * volumes at bench/out/bundle-vol2.pdf …). A script that prints figures, not a timed test.
 *
 * Generated photos and PDFs are cached under bench/out/cache/ by generator version (CACHE_DIRS):
 * the first run spends about two minutes drawing photos, later runs reuse them.
 *
 * Two 100 MB packing videos (bench/export-videos.ts) go in too; --no-videos leaves them out.
 *
 * Also in the same run (issue #15): the floor (bench/floor.ts: the same photo previews and PDFs
 * through libvips, pdf-lib and qpdf alone) and the ratio of the export to it; and two re-exports
 * after the full one, "statement edited" and "one photo added" (bench/reexport.ts). The floor and
 * the export run BENCH_ROUNDS times (3 by default, the case put back between rounds) and the
 * lines compare medians: this shared machine makes one round up to half as slow again as the next.
 * BENCH_CASE=scans runs the scan-heavy case instead (bench/scans.ts).
 *
 * Run: npm run bench:export [-- --setup-only (keeps the case's data folder)] [-- --no-videos]   (BENCH_CASE=scans npm run bench:export)
 * (jiti runs the TypeScript; its aliases resolve '@/' and let lib code marked server-only load.)
 */
import { execFileSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts, degrees, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import sharp, { type OverlayOptions } from 'sharp';
import { embedChineseFonts } from '../lib/pdf/fonts';
import type { OrderRecord } from '../lib/orders/types';
import { runChild } from './child';
import type { RunResult } from './export-run';
import type { FloorResult } from './floor';
import { benchVideos, VIDEO_CACHE_DIR } from './export-videos';

if (process.env.BENCH_CASE === 'scans') {
  await import('./scans');
  process.exit(process.exitCode ?? 0);
}

const setupOnly = process.argv.includes('--setup-only');

/** The middle value (the mean of the middle two for an even count). */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
const withVideos = !process.argv.includes('--no-videos');
const OUT = path.resolve('bench/out');
// Bump a version when its generator changes; chat logs take milliseconds and are written every run.
const CACHE = path.join(OUT, 'cache');
const CACHE_DIRS = { photos: 'photos-v1', pdfs: 'pdfs-v1', chats: 'chats', videos: VIDEO_CACHE_DIR } as const;
const FONT_FILE = path.resolve('node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const MB = 1024 * 1024;
const s = (ms: number) => (ms / 1000).toFixed(2);

// ---- Deterministic data: the same orders, labels and chats every run, so the cache stays valid ----

/** mulberry32: small, seedable, good enough for test data. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const digits = (n: number) => Array.from({ length: n }, () => int(0, 9)).join('');
  return { next, int, pick, digits };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** Beijing time as written in exports and on labels: 2026-11-11 10:23:45. */
const cst = (d: Date) => {
  const t = new Date(d.getTime() + 8 * 3600_000);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
};
const yuan = (cents: number) => `¥${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

const ITEMS = [
  { title: '小米 20000mAh 移动电源 22.5W 双向快充', cents: 12900 },
  { title: 'Type-C 编织数据线 1.5 米 两条装', cents: 2990 },
  { title: '华为 66W 超级快充充电器 套装', cents: 14900 },
  { title: '罗技 M330 静音无线鼠标 黑色', cents: 9900 },
  { title: '主动降噪蓝牙耳机 入耳式 40 小时续航', cents: 26900 },
  { title: '铝合金折叠手机支架 桌面懒人支架', cents: 3900 },
  { title: '87 键机械键盘 茶轴 RGB 背光 有线', cents: 19900 },
  { title: 'iPhone 16 Pro 钢化膜 全屏高清 2 片装', cents: 1990 },
  { title: 'USB-C 扩展坞 七合一 HDMI 4K 千兆网口', cents: 15900 },
  { title: '智能手环 8 NFC 版 心率血氧监测', cents: 24900 },
] as const;
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林'];
const PLACES = ['浙江省 杭州市 西湖区', '广东省 广州市 天河区', '江苏省 南京市 鼓楼区', '北京 北京市 朝阳区', '上海 上海市 浦东新区', '四川省 成都市 武侯区', '湖北省 武汉市 洪山区', '山东省 济南市 历下区', '福建省 厦门市 思明区', '河南省 郑州市 金水区'];
const CARRIER_MAKERS: Array<{ name: string; weight: number; number: (r: ReturnType<typeof rng>) => string }> = [
  { name: '顺丰速运', weight: 3, number: (r) => `SF1${r.digits(12)}` },
  { name: '中通快递', weight: 4, number: (r) => `7${r.pick([3, 4, 5, 6, 8])}${r.digits(12)}` },
  { name: '圆通速递', weight: 3, number: (r) => `YT${r.int(7, 9)}${r.digits(12)}` },
  { name: '韵达快递', weight: 2, number: (r) => `4${r.digits(14)}` },
  { name: '申通快递', weight: 1, number: (r) => `77${r.digits(13)}` },
  { name: '极兔速递', weight: 1, number: (r) => `JT${r.int(1, 9)}${r.digits(12)}` },
];

type BenchOrder = OrderRecord & { flagged: boolean; itemTitle: string; quantity: number; amountCents: number; carrier: string; trackingNo: string; buyerName: string; buyerPhone: string; address: string; createdAt: Date; shippedAt: Date };

/** 500 orders over 1 to 20 November 2026, busiest on 11.11; every tenth one flagged by the platform. */
function makeOrders(): BenchOrder[] {
  const r = rng(1111);
  const carriers = CARRIER_MAKERS.flatMap((c) => Array.from({ length: c.weight }, () => c));
  const orders: BenchOrder[] = [];
  for (let i = 0; i < 500; i++) {
    const day = r.next() < 0.35 ? 11 : r.int(1, 20);
    const createdAt = new Date(Date.UTC(2026, 10, day, 0, 0, 0) - 8 * 3600_000 + r.int(7 * 3600, 23.9 * 3600) * 1000);
    const paidAt = new Date(createdAt.getTime() + r.int(20, 900) * 1000);
    const shippedAt = new Date(paidAt.getTime() + r.int(3, 30) * 3600_000);
    const item = r.pick(ITEMS);
    const quantity = r.next() < 0.8 ? 1 : r.int(2, 3);
    const carrier = r.pick(carriers);
    orders.push({
      // Taobao order numbers: 19 digits now, 18 on older accounts.
      orderNo: r.next() < 0.8 ? `${r.int(2, 4)}${r.digits(18)}` : `${r.int(1, 9)}${r.digits(17)}`,
      flagged: i % 10 === 3,
      buyerName: `${r.pick(SURNAMES)}**`,
      buyerPhone: `1${r.pick([3, 5, 7, 8, 9])}${r.int(0, 9)}****${r.digits(4)}`,
      address: r.pick(PLACES),
      createdAt,
      paidAt,
      amountCents: item.cents * quantity - (r.next() < 0.4 ? r.int(1, 20) * 100 : 0),
      itemTitle: item.title,
      quantity,
      carrier: carrier.name,
      trackingNo: carrier.number(r),
      shippedAt,
      signedAt: new Date(shippedAt.getTime() + r.int(20, 80) * 3600_000),
    });
  }
  return orders;
}

// ---- Phone photos: a smooth, textured scene with a printed paper in it, sensor noise, JPEG q90 ----

type PhotoCategory = 'logistics' | 'review' | 'staff' | 'supply';
type PhotoSpec = { index: number; category: PhotoCategory; width: number; height: number; orientation?: 6 | 8; takenAt: Date; grain: number; order?: BenchOrder };

const escapeMarkup = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The text printed on the paper in the photo: a waybill, a packing slip, a packing log or a delivery note. */
function paperText(spec: PhotoSpec, r: ReturnType<typeof rng>, orders: BenchOrder[]): { title: string; lines: string[] } {
  const o = spec.order ?? r.pick(orders);
  const day = cst(spec.takenAt).slice(0, 10);
  switch (spec.category) {
    case 'logistics':
      return {
        title: `${o.carrier}  标准快递  电子面单`,
        lines: [
          `运单号：${o.trackingNo}`, `收件人：${o.buyerName}  ${o.buyerPhone}`, `收件地址：${o.address} ******`,
          '寄件人：小明数码旗舰店  0755-8888 6666', '寄件地址：广东省 深圳市 福田区 华强北路 1002 号 赛格广场 18 楼',
          `内件品名：${o.itemTitle} ×${o.quantity}`, `订单号：${o.orderNo}`, `重量：${(0.2 + r.next() * 1.5).toFixed(2)} kg    件数：1/1`,
          `揽收时间：${cst(o.shippedAt)}`, '签收人：__________  已验视  快件送达收件人地址，经收件人或其授权人签收', `打印时间：${cst(o.shippedAt)}`,
        ],
      };
    case 'review':
      return {
        title: '小明数码旗舰店 · 发货清单',
        lines: [
          `订单号：${o.orderNo}`, `下单时间：${cst(o.createdAt)}`, `商品：${o.itemTitle}`, `规格：${r.pick(['黑色', '白色', '深空灰', '星光色'])}    数量：${o.quantity}`,
          `实付：${yuan(o.amountCents)}`, `序列号 SN：${r.pick(['XM', 'HW', 'LG', 'MD'])}${r.digits(12)}`, `质检员：${pad(r.int(1, 20))} 号    ${day}`,
          '感谢您的支持！七天无理由退换，如有问题请联系在线客服。', '好评晒图请勿提及返现，本店不提供任何好评返现。',
        ],
      };
    case 'staff': {
      const packer = `${r.pick(SURNAMES)}${r.pick(['建国', '丽华', '志强', '秀英', '海燕', '伟', '敏', '磊'])}`;
      const rows = Array.from({ length: r.int(8, 12) }, () => {
        const x = r.pick(orders);
        return `${x.orderNo}  ${x.itemTitle.slice(0, 10)}  ${x.carrier.slice(0, 2)} ${x.trackingNo}  ${pad(r.int(9, 21))}:${pad(r.int(0, 59))}`;
      });
      return { title: `打包发货登记表  ${day}  深圳一号仓  打包员：${packer}`, lines: ['订单号  商品  快递  运单号  时间', ...rows, `本页合计 ${rows.length} 单    复核：王小明`] };
    }
    case 'supply': {
      const rows = Array.from({ length: r.int(6, 10) }, () => {
        const item = r.pick(ITEMS);
        const qty = r.int(5, 50) * 10;
        const cost = Math.round(item.cents * 0.55);
        return `${item.title.slice(0, 14)}  ${qty} 件  单价 ${yuan(cost)}  金额 ${yuan(cost * qty)}`;
      });
      return {
        title: `深圳市${r.pick(['华强', '赛格', '明通', '远望'])}电子科技有限公司  送货单  No.${r.digits(7)}`,
        lines: ['收货单位：深圳市小明数码贸易有限公司（小明数码旗舰店）', `送货日期：${day}    结算方式：月结`, ...rows, '以上货物已验收，数量、外观无误。', '送货人签字：__________    收货人签字：王小明'],
      };
    }
  }
}

/** Bars of random widths, as on a waybill: sharp edges that a re-encode must keep readable. */
function barcodeSvg(width: number, height: number, r: ReturnType<typeof rng>): Buffer {
  let x = 0;
  let bars = '';
  while (x < width - 8) {
    const w = r.int(2, 9);
    if (r.next() < 0.5) bars += `<rect x="${x}" y="0" width="${w}" height="${height}"/>`;
    x += w;
  }
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><g fill="#161616">${bars}</g></svg>`);
}

/** One photo's pixels, upright, as the eye sees it; raw RGB at width × height. */
async function drawScene(spec: PhotoSpec, orders: BenchOrder[], noise: Buffer): Promise<Buffer> {
  const r = rng(spec.index * 7919 + 17);
  const { width: W, height: H } = spec;
  // A desk or floor: a few muted, warm-ish colours blended smoothly, with a coarse texture.
  const field = Buffer.alloc(5 * 4 * 3);
  const base = r.int(70, 170);
  for (let i = 0; i < field.length; i += 3) {
    const v = base + r.int(-40, 40);
    field[i] = Math.min(255, v * (1 + r.next() * 0.25));
    field[i + 1] = v * (0.9 + r.next() * 0.15);
    field[i + 2] = v * (0.7 + r.next() * 0.25);
  }
  const small = await sharp(field, { raw: { width: 5, height: 4, channels: 3 } }).resize(W / 8, H / 8, { kernel: 'cubic' }).raw().toBuffer();
  let o = r.int(0, noise.length - 1);
  for (let i = 0; i < small.length; i += 3) {
    const d = ((noise[o] ?? 0) - 128) >> 3;
    o = (o + 1) % noise.length;
    for (let c = 0; c < 3; c++) small[i + c] = Math.max(0, Math.min(255, (small[i + c] ?? 0) + d));
  }

  // The paper: text rendered with Noto Sans SC, a barcode on waybills, turned a few degrees.
  const { title, lines } = paperText(spec, r, orders);
  const portrait = H > W;
  const textWidth = Math.round(W * (portrait ? 0.72 : 0.5));
  const dpi = r.int(300, 420);
  const markup = `<span foreground="#1c1c1c"><b>${escapeMarkup(title)}</b>\n${lines.map(escapeMarkup).join('\n')}</span>`;
  const text = await sharp({ text: { text: markup, font: 'Noto Sans SC', fontfile: FONT_FILE, width: textWidth, dpi, rgba: true, spacing: Math.round(dpi / 12) } }).png({ compressionLevel: 1 }).toBuffer({ resolveWithObject: true });
  const margin = Math.round(dpi / 3);
  const barcodeHeight = spec.category === 'logistics' ? Math.round(dpi * 0.9) : 0;
  const paperW = text.info.width + 2 * margin;
  const paperH = text.info.height + 2 * margin + (barcodeHeight ? barcodeHeight + margin : 0);
  const tint = r.int(228, 246);
  const layers: OverlayOptions[] = [{ input: text.data, left: margin, top: margin + (barcodeHeight ? barcodeHeight + margin : 0) }];
  if (barcodeHeight) layers.push({ input: barcodeSvg(Math.round(paperW * 0.7), barcodeHeight, r), left: margin, top: margin });
  const paper = await sharp({ create: { width: paperW, height: paperH, channels: 4, background: { r: tint + 6, g: tint + 3, b: tint - 4, alpha: 1 } } })
    .composite(layers)
    .rotate(r.next() * 8 - 4, { background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const scale = Math.min(1, (W * 0.9) / paper.info.width, (H * 0.9) / paper.info.height);
  const sheet = scale < 1
    ? await sharp(paper.data, { raw: paper.info }).resize(Math.floor(paper.info.width * scale)).raw().toBuffer({ resolveWithObject: true })
    : paper;
  const left = r.int(0, Math.max(0, W - sheet.info.width));
  const top = r.int(0, Math.max(0, H - sheet.info.height));

  // Plain loops rather than sharp pipelines: at 12 MP, upscaling and compositing in libvips took a second a photo.
  // The scene: the coarse field enlarged bilinearly, 8 ×.
  const pixels = Buffer.alloc(W * H * 3);
  const sw = W / 8;
  const sh = H / 8;
  // Separable: each coarse row widened once, then every output row is a blend of two widened rows.
  const wide = new Float32Array(sh * W * 3);
  for (let sy = 0; sy < sh; sy++) {
    for (let x = 0; x < W; x++) {
      const f = Math.max(0, Math.min(sw - 1, (x + 0.5) / 8 - 0.5));
      const a = (sy * sw + Math.floor(f)) * 3;
      const b = (sy * sw + Math.min(sw - 1, Math.floor(f) + 1)) * 3;
      const w = f - Math.floor(f);
      for (let c = 0; c < 3; c++) wide[(sy * W + x) * 3 + c] = (small[a + c] ?? 0) * (1 - w) + (small[b + c] ?? 0) * w;
    }
  }
  const rowLength = W * 3;
  for (let y = 0; y < H; y++) {
    const f = Math.max(0, Math.min(sh - 1, (y + 0.5) / 8 - 0.5));
    const r0 = Math.floor(f) * rowLength;
    const r1 = Math.min(sh - 1, Math.floor(f) + 1) * rowLength;
    const wy = f - Math.floor(f);
    const out = y * rowLength;
    for (let k = 0; k < rowLength; k++) pixels[out + k] = (wide[r0 + k] ?? 0) * (1 - wy) + (wide[r1 + k] ?? 0) * wy;
  }
  // The paper laid on it (straight alpha from the rotation's transparent corners).
  const { width: pw, height: ph } = sheet.info;
  for (let y = 0; y < ph && top + y < H; y++) {
    for (let x = 0; x < pw && left + x < W; x++) {
      const p = (y * pw + x) * 4;
      const alpha = (sheet.data[p + 3] ?? 0) / 255;
      if (alpha === 0) continue;
      const q = ((top + y) * W + left + x) * 3;
      for (let c = 0; c < 3; c++) pixels[q + c] = (sheet.data[p + c] ?? 0) * alpha + (pixels[q + c] ?? 0) * (1 - alpha);
    }
  }
  // Sensor noise, mostly in brightness as a phone's denoiser leaves it; its strength sets the file size.
  o = r.int(0, noise.length - 1);
  const grain = spec.grain;
  for (let i = 0; i < pixels.length; i += 3) {
    const d = (((noise[o] ?? 0) + (noise[(o + 7919) % noise.length] ?? 0) - 255) * grain) >> 8;
    o = o + 1 === noise.length ? 0 : o + 1;
    for (let c = 0; c < 3; c++) {
      const v = (pixels[i + c] ?? 0) + d;
      pixels[i + c] = v < 0 ? 0 : v > 255 ? 255 : v;
    }
  }
  return pixels;
}

/** The JPEG a phone writes: camera EXIF, capture time, and for a quarter of them pixels stored sideways plus an orientation tag. */
async function encodePhoto(spec: PhotoSpec, pixels: Buffer): Promise<Buffer> {
  const t = new Date(spec.takenAt.getTime() + 8 * 3600_000).toISOString();
  const exif = { IFD0: { Make: 'Xiaomi', Model: '23127PN0CC', Software: 'MIUI' }, IFD2: { DateTimeOriginal: `${t.slice(0, 10).replace(/-/g, ':')} ${t.slice(11, 19)}`, OffsetTimeOriginal: '+08:00' } };
  let image = sharp(pixels, { raw: { width: spec.width, height: spec.height, channels: 3 } });
  // Orientation 6: the viewer turns the stored pixels 90° clockwise, so they are stored turned 90° anticlockwise (8: the reverse).
  if (spec.orientation) image = image.rotate(spec.orientation === 6 ? 270 : 90);
  image = image.jpeg({ quality: 90 }).withExif(exif);
  if (spec.orientation) image = image.withMetadata({ orientation: spec.orientation });
  return image.toBuffer();
}

function photoSpecs(orders: BenchOrder[]): PhotoSpec[] {
  const flagged = orders.filter((o) => o.flagged);
  const r = rng(4242);
  return Array.from({ length: 120 }, (_, index) => {
    const category: PhotoCategory = index < 50 ? 'logistics' : index < 80 ? 'review' : index < 100 ? 'staff' : 'supply';
    const order = category === 'logistics' ? flagged[index] : category === 'review' ? flagged[index - 50] : undefined;
    const orientation = index % 4 === 1 ? (index % 8 === 1 ? 6 : 8) : undefined;
    const portrait = orientation !== undefined || index % 5 === 2;
    const takenAt = order ? new Date(order.shippedAt.getTime() - r.int(600, 7200) * 1000) : new Date(Date.UTC(2026, 10, r.int(1, 20), r.int(1, 12), r.int(0, 59), r.int(0, 59)));
    return { index, category, width: portrait ? 3000 : 4000, height: portrait ? 4000 : 3000, orientation, takenAt, grain: r.int(8, 30), order };
  });
}


// ---- PDFs: invoices and a notice in Chinese (Noto Sans SC subset), supplier paperwork in Helvetica ----

type PdfCategory = 'notice' | 'invoice' | 'supply';
type PdfSpec = { name: string; category: PdfCategory; pages: number; chinese: boolean; landscape: boolean; rotate: (page: number) => boolean; orders: BenchOrder[]; title: string; description: string };
type PageModel = { title: string; subtitle: string; header: string[]; widths: number[]; rows: string[][]; footer: string; paragraphs?: string[] };

function pdfSpecs(orders: BenchOrder[]): PdfSpec[] {
  const flagged = orders.filter((o) => o.flagged);
  const none = () => false;
  const specs: PdfSpec[] = [
    { name: '淘宝网违规处理通知.pdf', category: 'notice', pages: 5, chinese: true, landscape: false, rotate: none, orders: flagged, title: '平台违规处理通知', description: '平台发出的虚假交易处理通知及涉及订单清单。' },
    { name: '虚假交易申诉指引及所需材料.pdf', category: 'notice', pages: 6, chinese: true, landscape: false, rotate: none, orders: flagged, title: '申诉指引', description: '平台说明页，列出申诉所需材料。' },
  ];
  [12, 18, 25, 30, 10, 22, 16, 40].forEach((pages, i) => {
    const mine = flagged.filter((_, k) => k % 8 === i);
    specs.push({
      name: `电子发票_销货清单_2026110${i + 1}.pdf`, category: 'invoice', pages, chinese: true, landscape: i % 2 === 0, rotate: none, orders: mine,
      title: `增值税电子普通发票及销货清单（第 ${i + 1} 批）`, description: `含订单 ${mine.map((o) => o.orderNo).join('、')} 的开票记录。`,
    });
  });
  [5, 8, 14, 20, 24, 36, 28, 32, 19, 30].forEach((pages, i) => {
    specs.push({
      name: `PO-2026-${pad(i + 41, 4)}.pdf`, category: 'supply', pages, chinese: false, landscape: i === 4,
      // Two scans with /Rotate 90: one wholly, one on a few pages, as scanners file landscape sheets.
      rotate: i === 2 ? () => true : i === 6 ? (p) => p >= 3 && p <= 6 : none,
      orders: [], title: `采购订单及入库单 PO-2026-${pad(i + 41, 4)}`, description: '向供应商采购的进货凭证，证明货源真实。',
    });
  });
  return specs;
}

function pageModels(spec: PdfSpec, all: BenchOrder[], r: ReturnType<typeof rng>): PageModel[] {
  const rowsPerPage = spec.landscape ? 16 : 26;
  return Array.from({ length: spec.pages }, (_, p) => {
    const pageNo = spec.chinese ? `第 ${p + 1} 页 / 共 ${spec.pages} 页` : `Page ${p + 1} of ${spec.pages}`;
    if (spec.category === 'notice') {
      const paragraphs = p === 0
        ? ['尊敬的商家：', `经平台系统排查，您的店铺“小明数码旗舰店”（店铺 ID 58861234）于 2026 年 11 月 1 日至 11 月 20 日期间存在 ${spec.orders.length} 笔订单涉嫌虚假交易，平台已对相关订单作出删除销量、屏蔽评价的处理，并扣除相应分值。`, '如您对处理结果有异议，请在收到本通知之日起 7 日内通过“卖家中心 - 违规处理 - 申诉”提交申诉，并上传真实交易的凭证：进货凭证、发货凭证、物流签收记录、与买家的聊天记录等。逾期未申诉的，视为认可处理结果。', '涉及订单清单见附页。']
        : [];
      const rows = spec.orders.slice((p - 1) * 14, p * 14).map((o, k) => [String((p - 1) * 14 + k + 1), o.orderNo, cst(o.createdAt), yuan(o.amountCents), '虚假交易']);
      return { title: p === 0 ? '淘宝网违规处理通知' : '涉及订单清单（附页）', subtitle: `通知编号 TB-2026-1187-${pad(p + 1)}    ${pageNo}`, header: p === 0 ? [] : ['序号', '订单编号', '下单时间', '实付金额', '违规类型'], widths: [0.08, 0.32, 0.28, 0.16, 0.16], rows: p === 0 ? [] : rows, footer: '本通知由系统自动生成，请勿直接回复。', paragraphs: p === 0 ? paragraphs : rows.length === 0 ? ['申诉材料要求：一、进货凭证应能体现供货方、商品名称、数量与日期；二、物流凭证应能体现运单号与签收状态；三、聊天记录应完整，不得剪裁。'] : [] };
    }
    if (spec.category === 'invoice') {
      const picks = [...spec.orders, ...Array.from({ length: rowsPerPage * spec.pages }, () => r.pick(all))];
      const rows = picks.slice(p * rowsPerPage, (p + 1) * rowsPerPage).map((o, k) => {
        const tax = Math.round(o.amountCents * 0.13 / 1.13);
        return [String(p * rowsPerPage + k + 1), o.orderNo, o.itemTitle.slice(0, 16), String(o.quantity), yuan(Math.round(o.amountCents / o.quantity)), yuan(o.amountCents - tax), yuan(tax)];
      });
      return { title: '销货清单（增值税电子普通发票附件）', subtitle: `发票号码 ${r.digits(20)}    开票日期 2026-11-2${p % 10}    ${pageNo}`, header: ['序号', '订单编号', '商品名称', '数量', '单价', '金额', '税额'], widths: [0.06, 0.24, 0.3, 0.06, 0.11, 0.12, 0.11], rows, footer: '销售方：深圳市小明数码贸易有限公司  纳税人识别号 91440300MA5G8X2K7Q  开票人：王小明' };
    }
    const rows = Array.from({ length: rowsPerPage }, (_, k) => {
      const qty = r.int(5, 60) * 10;
      const unit = r.int(800, 16000);
      return [String(p * rowsPerPage + k + 1), `SKU-${r.digits(6)}`, r.pick(['Power bank 20000mAh', 'USB-C cable 1.5 m', 'GaN charger 66W', 'Wireless mouse M330', 'ANC earbuds', 'Phone stand Al', 'Keyboard 87 keys', 'USB-C hub 7-in-1']), String(qty), `CNY ${(unit / 100).toFixed(2)}`, `CNY ${((unit * qty) / 100).toFixed(2)}`];
    });
    return { title: `PURCHASE ORDER / GOODS RECEIPT  ${spec.name.replace('.pdf', '')}`, subtitle: `Shenzhen ${r.pick(['Huaqiang', 'SEG', 'Mingtong', 'Yuanwang'])} Electronics Co., Ltd.  ->  Shenzhen Xiaoming Digital Trading Co., Ltd.    ${pageNo}`, header: ['No.', 'SKU', 'Description', 'Qty', 'Unit price', 'Amount'], widths: [0.07, 0.15, 0.34, 0.1, 0.16, 0.18], rows, footer: 'Goods received in good order. Signed: Wang Xiaoming, warehouse 1, Futian, Shenzhen.' };
  });
}

/** Draws a page model upright as displayed: on a /Rotate 90 page that means drawing turned a quarter anticlockwise. */
function drawPage(page: PDFPage, model: PageModel, fonts: { regular: PDFFont; bold: PDFFont }, rotated: boolean) {
  const { width: w, height: h } = page.getSize();
  const W = rotated ? h : w;
  const H = rotated ? w : h;
  if (rotated) page.setRotation(degrees(90));
  // Display (X, Y) to user space: the viewer turns the page 90° clockwise.
  const at = (x: number, y: number) => (rotated ? { x: w - y, y: x } : { x, y });
  const ink = rgb(0.1, 0.1, 0.12);
  const text = (value: string, x: number, y: number, fontSize: number, bold = false) =>
    page.drawText(value, { ...at(x, y), size: fontSize, font: bold ? fonts.bold : fonts.regular, color: ink, rotate: degrees(rotated ? 90 : 0) });
  const line = (x1: number, y1: number, x2: number, y2: number, thickness = 0.6) => page.drawLine({ start: at(x1, y1), end: at(x2, y2), thickness, color: ink });
  const m = 40;
  let y = H - m - 16;
  text(model.title, m, y, 16, true);
  y -= 22;
  text(model.subtitle, m, y, 9);
  y -= 10;
  line(m, y, W - m, y, 1.2);
  y -= 22;
  for (const paragraph of model.paragraphs ?? []) {
    let rest = paragraph;
    while (rest) {
      let n = rest.length;
      while (n > 1 && fonts.regular.widthOfTextAtSize(rest.slice(0, n), 12) > W - 2 * m) n--;
      text(rest.slice(0, n), m, y, 12);
      rest = rest.slice(n);
      y -= 20;
    }
    y -= 6;
  }
  if (model.header.length > 0) {
    const xs = model.widths.reduce<number[]>((acc, wd) => [...acc, (acc.at(-1) ?? m) + wd * (W - 2 * m)], [m]);
    const rowH = Math.min(22, (y - m - 40) / (model.rows.length + 1));
    const table = (cells: string[], bold: boolean) => {
      cells.forEach((cell, k) => text(cell, (xs[k] ?? m) + 3, y - rowH + 6, 8.5, bold));
      y -= rowH;
      line(m, y, W - m, y);
    };
    line(m, y, W - m, y);
    const tableTop = y;
    table(model.header, true);
    for (const row of model.rows) table(row, false);
    for (const x of xs) line(x, tableTop, x, y);
  }
  text(model.footer, m, m, 8);
}

async function makePdf(spec: PdfSpec, orders: BenchOrder[], index: number): Promise<Uint8Array> {
  const r = rng(900 + index);
  const models = pageModels(spec, orders, r);
  const doc = await PDFDocument.create();
  const fonts = spec.chinese
    ? await embedChineseFonts(doc, models.map((m) => [m.title, m.subtitle, m.footer, ...m.header, ...m.rows.flat(), ...(m.paragraphs ?? [])].join('')).join(''))
    : { regular: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold) };
  models.forEach((model, p) => {
    const rotated = spec.rotate(p);
    // Rotated pages keep a portrait MediaBox and show landscape, as a scanner files them.
    const page = doc.addPage(spec.landscape && !rotated ? [841.89, 595.28] : [595.28, 841.89]);
    drawPage(page, model, fonts, rotated);
  });
  doc.setTitle(spec.title);
  doc.setCreationDate(new Date(Date.UTC(2026, 10, 20 + (index % 8))));
  return doc.save();
}

// ---- Chat logs: 千牛 exports, "2026-11-11 10:23:45 昵称: 消息", 2,000 lines each ----

const BUYERS = ['小鱼爱吃鱼', 'tb_88273614', '快乐的小胖子', '星星点灯2019', '橘子汽水不加冰', 'lily_0312', '不吃香菜的猫', '夜猫子小王', '风吹麦浪sz', '阿木木木'];
const AGENTS = ['客服小美', '客服阿杰', '售后小周'];
const ASK = [
  '在吗？', '这款有现货吗，今天能发吗', '请问这个充电宝能带上飞机吗', '支持华为手机快充吗？我的是 Mate 60', '双十一有优惠券吗', '能便宜点吗，买两个',
  '发什么快递？能发顺丰吗', '我已经拍了，麻烦尽快发货', '什么时候能到杭州', '物流怎么一直没更新', '收到了，包装挺好的', '这个线是多长的，1 米还是 1.5 米',
  '有发票吗？公司报销要用', '发票抬头写我们公司，税号稍后发你', '好的谢谢', '颜色能换成白色吗', '地址填错了，能改一下吗', '耳机左耳有点杂音，怎么处理',
  '可以开专票吗', '保修多久', '嗯嗯', '好', '收到', '我先试用几天看看',
];
const ANSWER = [
  '亲，在的，有什么可以帮您？', '亲，现货的哦，今天 17 点前下单当天发出', '亲，20000mAh 的额定容量是 74Wh，低于 100Wh，可以随身带上飞机，不能托运哦',
  '支持的，华为 SCP 和 PD 协议都兼容', '亲，店铺首页可以领满 300 减 40 的券，和平台跨店满减可以叠加', '亲，拍两件系统自动减 10 元哦',
  '默认中通，需要顺丰的话补 8 元运费差价就可以', '好的亲，已经给您备注加急了', '一般 2 到 3 天到杭州', '亲，我这边帮您查一下物流',
  '好的亲，感谢支持，有问题随时联系我们', '是 1.5 米的哦', '亲，可以开电子发票的，确认收货后在订单页申请就可以', '好的，收到税号后我们 24 小时内开出',
  '好的呢', '亲，可以的，还没发货前都能改', '亲，麻烦提供一下视频，我们给您换新', '亲，电子普票和专票都可以开', '整机保修一年，一年内非人为损坏免费换新',
];
const LONG = [
  '亲，非常抱歉给您带来不便。我们这边查询到您的包裹在杭州转运中心滞留了一天，是双十一期间件量太大导致的，不是丢件。我已经联系中通加急处理，今天之内应该会更新派送信息，如果明天还没收到，您直接联系我，我们给您补发一个新的，不需要您承担任何费用。',
  '亲，您说的问题我们已经记录下来了。这款耳机的降噪在安静环境下会有轻微底噪，属于正常现象；如果是播放音乐时有明显的滋滋声，那就是质量问题。麻烦您录一段十秒左右的视频发给我们，确认后我们安排顺丰上门取件，新的耳机当天发出，来回运费都由我们承担。',
  '我上周在你们店买了一个扩展坞，连接 MacBook 的时候 HDMI 输出只有 30Hz，看说明书上写的是 4K 60Hz，是不是需要什么设置？我用的是原装的 HDMI 线，显示器是戴尔的 U2723QE，换了一根线也还是一样，麻烦帮我看一下。',
  '亲，发票已经开好了，发到您预留的邮箱里了，抬头是您提供的公司名称，税号也核对过了。如果邮箱没有收到，可以在订单详情页的发票栏直接下载 PDF，有任何问题随时联系我们。',
];

function chatLog(j: number, orders: BenchOrder[]): string {
  const r = rng(7000 + j);
  const flagged = orders.filter((o) => o.flagged).slice(j * 5, j * 5 + 5);
  const buyer = BUYERS[j] ?? '买家';
  const lines: string[] = [];
  // Conversations about orders, each a day or so after the parcel left, in time order: a few minutes
  // of back and forth, about 18 lines each. These 95 (the five flagged orders the log is linked to
  // among them) fill fewer than 2,000 lines, so all are in; later ones about any order top it up.
  const sessions = [...flagged, ...Array.from({ length: 90 }, () => r.pick(orders))]
    .map((order) => ({ order, start: order.shippedAt.getTime() + r.int(2, 40) * 3600_000 }))
    .sort((a, b) => a.start - b.start);
  let t = 0;
  for (let k = 0; lines.length < 2000; k++) {
    const { order, start } = sessions[k] ?? { order: r.pick(orders), start: t + r.int(1, 5) * 3600_000 };
    t = Math.max(t + 600_000, start);
    const turns = r.int(6, 30);
    for (let n = 0; n < turns && lines.length < 2000; n++) {
      t += r.int(5, 180) * 1000;
      const fromBuyer = n % 2 === 0;
      const speaker = fromBuyer ? buyer : r.pick(AGENTS);
      let text = fromBuyer ? r.pick(ASK) : r.pick(ANSWER);
      if (n === 0) text = `你好，订单 ${order.orderNo}，${order.itemTitle}，${r.pick(['什么时候发货', '帮我看下物流', '麻烦开一下发票', '想确认一下型号'])}`;
      else if (n === 1) text = `亲，订单 ${order.orderNo} 已经由${order.carrier}发出，运单号 ${order.trackingNo}，${cst(order.shippedAt)} 揽收，请留意查收。`;
      else if (r.next() < 0.08) text = r.pick(LONG);
      lines.push(`${cst(new Date(t))} ${speaker}: ${text}`);
      // Now and then a message runs over several lines (an address, a list).
      if (!fromBuyer && r.next() < 0.04 && lines.length < 1998) lines.push('1. 收货后请先检查外包装是否完好；', '2. 有任何问题请先联系客服，不要直接给差评哦，谢谢亲！');
    }
  }
  return `${lines.slice(0, 2000).join('\n')}\n`;
}

// ---- The corpus on disk ----

type CorpusFile = { file: string; name: string; category: string; title: string; description: string; orderNos: string[] };

/** Writes via a temporary name, so an interrupted run never leaves a half file that later runs would trust. */
function writeAtomically(file: string, bytes: Uint8Array) {
  writeFileSync(`${file}.part`, bytes);
  renameSync(`${file}.part`, file);
}

async function buildCorpus(orders: BenchOrder[]): Promise<{ files: CorpusFile[]; generated: number; extraPhoto: string }> {
  const current: readonly string[] = Object.values(CACHE_DIRS);
  for (const dir of existsSync(CACHE) ? readdirSync(CACHE) : []) {
    if (!current.includes(dir)) rmSync(path.join(CACHE, dir), { recursive: true, force: true });
  }
  for (const dir of current) mkdirSync(path.join(CACHE, dir), { recursive: true });
  const files: CorpusFile[] = [];
  let generated = 0;

  const specs = photoSpecs(orders);
  const names = new Set<string>();
  const photoFiles = specs.map((spec) => {
    const t = new Date(spec.takenAt.getTime() + 8 * 3600_000).toISOString();
    let name = `IMG_${t.slice(0, 10).replace(/-/g, '')}_${t.slice(11, 19).replace(/:/g, '')}.jpg`;
    while (names.has(name)) name = name.replace('.jpg', '_1.jpg');
    names.add(name);
    return path.join(CACHE, CACHE_DIRS.photos, name);
  });
  const missing = specs.filter((_, i) => !existsSync(photoFiles[i] ?? ''));
  let noiseBytes: Buffer | undefined;
  const noiseOf = () => (noiseBytes ??= randomFillSync(Buffer.alloc(1 << 22)));
  // The photo the re-export adds after the first export: one more packing table shot, not uploaded at setup.
  const extraPhoto = path.join(CACHE, CACHE_DIRS.photos, 'IMG_20261121_101500.jpg');
  if (!existsSync(extraPhoto)) {
    const spec: PhotoSpec = { index: 120, category: 'staff', width: 4000, height: 3000, takenAt: new Date('2026-11-21T02:15:00Z'), grain: 20 };
    writeAtomically(extraPhoto, await encodePhoto(spec, await drawScene(spec, orders, noiseOf())));
    generated++;
  }
  if (missing.length > 0) {
    const noise = noiseOf();
    const started = performance.now();
    let next = 0;
    // Two at a time: libvips runs one while the other's pixel loops hold the JavaScript thread.
    await Promise.all([0, 1].map(async () => {
      while (next < missing.length) {
        const spec = missing[next++] as PhotoSpec;
        writeAtomically(photoFiles[spec.index] ?? '', await encodePhoto(spec, await drawScene(spec, orders, noise)));
        generated++;
        if (generated % 20 === 0) console.log(`  photos: ${generated}/${missing.length} drawn, ${s(performance.now() - started)} s`);
      }
    }));
  }
  specs.forEach((spec, i) => {
    const o = spec.order;
    const day = cst(spec.takenAt).slice(0, 10);
    const texts: Record<PhotoCategory, [title: string, description: string]> = {
      logistics: [`${o?.carrier}面单 ${o?.trackingNo}`, `订单 ${o?.orderNo} 发货前拍摄的快递面单，运单号与订单一致。`],
      review: [`发货清单实拍 ${o?.orderNo}`, '随货发货清单，含商品序列号与质检记录。'],
      staff: [`打包发货登记表 ${day}`, '仓库打包员当天的发货登记，逐单记录运单号与时间。'],
      supply: [`供应商送货单 ${day}`, '供应商送货时的纸质送货单，已签收。'],
    };
    const [title, description] = texts[spec.category];
    files.push({ file: photoFiles[i] ?? '', name: path.basename(photoFiles[i] ?? ''), category: spec.category, title, description, orderNos: o ? [o.orderNo] : [] });
  });

  for (const [i, spec] of pdfSpecs(orders).entries()) {
    const file = path.join(CACHE, CACHE_DIRS.pdfs, spec.name);
    if (!existsSync(file)) {
      writeAtomically(file, await makePdf(spec, orders, i));
      generated++;
    }
    files.push({ file, name: spec.name, category: spec.category, title: spec.title, description: spec.description, orderNos: spec.category === 'invoice' ? spec.orders.map((o) => o.orderNo) : [] });
  }

  for (let j = 0; j < 10; j++) {
    const name = `千牛聊天记录_${BUYERS[j]}_202611.txt`;
    const file = path.join(CACHE, CACHE_DIRS.chats, name);
    const text = chatLog(j, orders);
    writeFileSync(file, text, 'utf8');
    const mine = orders.filter((o) => o.flagged).slice(j * 5, j * 5 + 5);
    if (!mine.every((o) => text.includes(o.orderNo))) throw new Error(`chat log ${name} misses an order it is linked to`);
    files.push({ file, name, category: 'chat', title: `与买家 ${BUYERS[j]} 的聊天记录`, description: '千牛导出的完整聊天记录，含下单咨询、发货与售后。', orderNos: mine.map((o) => o.orderNo) });
  }
  if (withVideos) {
    const v = benchVideos(CACHE);
    generated += v.generated;
    for (const video of v.videos) files.push({ file: video.file, name: video.name, category: 'logistics', title: video.title, description: '仓库打包全过程录像，面单与商品同框。', orderNos: [] });
  }
  return { files, generated, extraPhoto };
}

// ---- Setup: a fresh database holding the case, its orders and its evidence ----

const setupStart = performance.now();
const orders = makeOrders();
const corpus = await buildCorpus(orders);
const corpusEnd = performance.now();

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-export-'));
let caseId = '';
process.env.DATA_DIR = dataDir;
process.env.DATABASE_URL = '';
process.env.EVIDENCE_MAX_FILE_MB = '100';
process.env.EVIDENCE_MAX_CASE_MB = '4096';
try {
  execFileSync(process.execPath, ['prisma/tools/migrate.mjs', 'deploy'], { env: process.env, stdio: 'ignore' });
  const { db } = await import('../lib/db/client');
  const { makeUser } = await import('../lib/testing/factories');
  const { completeCase } = await import('../lib/testing/case-record');
  const { upsertOrders } = await import('../lib/orders/repository');
  const { acceptUpload } = await import('../lib/evidence/accept-upload');
  const { runCaseAudit } = await import('../lib/audit/case-audit');
  const { checkTracking } = await import('../lib/logistics/detect');
  const { undoEdits } = await import('./reexport');

  const user = await makeUser('小明数码旗舰店');
  const statement = {
    whatHappened: '2026 年 11 月 28 日，店铺收到平台《违规处理通知》（TB-2026-1187），认定 11 月 1 日至 20 日期间 50 笔订单涉嫌虚假交易，删除了相关销量并扣分。这 50 笔订单集中在双十一当天，是店铺参加平台双十一活动、叠加店铺满 300 减 40 优惠券带来的正常流量高峰。',
    whyGenuine: '这些订单均由真实买家下单并实际付款，商品全部从深圳仓库实际发出，物流轨迹完整，买家均已签收；其中多名买家在收货后咨询过使用问题或申请过发票，聊天记录可以证明。所有商品均有供应商送货单与采购订单对应，进货数量足以覆盖销售数量。',
    evidence: '随附：供应商采购订单与送货单（证明货源）；电子发票及销货清单（证明交易与开票）；每笔被判定订单的快递面单实拍与签收记录（证明实际发货）；仓库打包发货登记表；与买家的千牛聊天记录全文。每份材料均标注了编号，并在订单表中逐单对应。',
    context: '双十一期间店铺日均访客约为平时的 6 倍，成交量随之上涨；被判定的订单来自不同省份、不同买家，收货地址与付款账户均不相同，不存在集中刷单的特征。',
    prevention: '今后大促前会提前向平台报备活动计划，保留全部发货和沟通记录，并对异常订单（同一地址多次下单、秒拍秒确认收货等）人工复核后再发货。',
  };
  const c = await db.case.create({
    data: {
      userId: user.id,
      ...completeCase({
        title: '双十一订单虚假交易申诉',
        platform: 'taobao',
        shopName: '小明数码旗舰店',
        shopId: '58861234',
        noticeNumber: 'TB-2026-1187',
        noticeDate: new Date('2026-11-28T00:00:00Z'),
        appealDeadline: new Date('2026-12-05T00:00:00Z'),
        contactName: '王小明',
        contactPhone: '138 1234 5678',
        incidentDetail: '平台通知认定 50 笔订单涉嫌虚假交易。',
        statement: JSON.stringify(statement),
      }),
      shipFromProvince: '广东',
    },
  });
  caseId = c.id;
  await db.promotion.create({ data: { caseId: c.id, name: '双十一全店满 300 减 40', startsOn: new Date('2026-11-10T00:00:00Z'), endsOn: new Date('2026-11-11T00:00:00Z'), channels: '淘宝首页会场、直通车' } });
  await upsertOrders(c.id, orders.filter((o) => !o.flagged), 'import');
  await upsertOrders(c.id, orders.filter((o) => o.flagged), 'import', { flagged: true });
  const badTracking = orders.filter((o) => checkTracking({ trackingNo: o.trackingNo, carrierName: o.carrier }).status !== 'ok').length;
  const ordersEnd = performance.now(); // from corpusEnd: migrations, module loading, case and orders

  // Two upload lanes, each owning whole categories: a file's position is the count in its category
  // so far, so one category's uploads must not overlap. The lanes are balanced by bytes.
  const evidenceByOrderNo = new Map<string, string[]>();
  const lanes: CorpusFile[][] = [[], []];
  const laneBytes = [0, 0];
  const categories = [...new Set(corpus.files.map((f) => f.category))];
  const bytesOf = (category: string) => corpus.files.filter((f) => f.category === category).reduce((n, f) => n + statSync(f.file).size, 0);
  for (const category of categories.sort((x, y) => bytesOf(y) - bytesOf(x))) {
    const lane = (laneBytes[0] ?? 0) <= (laneBytes[1] ?? 0) ? 0 : 1;
    lanes[lane]?.push(...corpus.files.filter((f) => f.category === category));
    laneBytes[lane] = (laneBytes[lane] ?? 0) + bytesOf(category);
  }
  const videoUploads: string[] = [];
  // jiti hands a second import() of a module that is still loading its half-made copy ("Cannot access
  // 'IMAGE_KINDS' before initialization"): load what an upload imports lazily once, before two lanes race for it.
  await import('../lib/evidence/inspect/stored-facts');
  await Promise.all(lanes.map(async (lane) => {
    for (const f of lane) {
      const started = performance.now();
      const outcome = await acceptUpload({ userId: user.id, caseId: c.id, fileName: f.name, category: f.category, body: createReadStream(f.file) });
      if (!outcome.ok || outcome.duplicate) throw new Error(`upload of ${f.name} refused: ${JSON.stringify(outcome)}`);
      if (f.name.endsWith('.mp4')) videoUploads.push(`${f.name} ${(statSync(f.file).size / MB).toFixed(1)} MB: upload, probe and sheet ${s(performance.now() - started)} s`);
      await db.evidence.update({ where: { id: outcome.evidenceId }, data: { title: f.title, description: f.description } });
      for (const orderNo of f.orderNos) evidenceByOrderNo.set(orderNo, [...(evidenceByOrderNo.get(orderNo) ?? []), outcome.evidenceId]);
    }
  }));
  const uploadEnd = performance.now();
  const orderIds = new Map((await db.order.findMany({ where: { caseId: c.id }, select: { id: true, orderNo: true } })).map((o) => [o.orderNo, o.id]));
  const links = [...evidenceByOrderNo].flatMap(([orderNo, ids]) => ids.map((evidenceId) => ({ evidenceId, orderId: orderIds.get(orderNo) ?? '' })));
  await db.evidenceOrder.createMany({ data: links });
  // The merchant's explanation of every self-audit finding, as a finished case has them.
  const audit = await runCaseAudit(c.id);
  await db.auditNote.createMany({ data: audit.groups.flatMap((g) => g.findings).map((f) => ({ caseId: c.id, findingId: f.id, explanation: '双十一活动期间的正常成交高峰，订单来自不同地区的真实买家，均有物流签收记录，见附件。', include: true })) });
  const setupEnd = performance.now();

  const evidence = await db.evidence.findMany({ where: { caseId: c.id }, select: { kind: true, size: true, pageCount: true, checkStatus: true } });
  const photos = corpus.files.filter((f) => f.file.endsWith('.jpg')).map((f) => statSync(f.file).size / MB);
  const bucket = (lo: number, hi: number) => photos.filter((mb) => mb >= lo && mb < hi).length;
  const kinds = new Map<string, { count: number; bytes: number }>();
  for (const e of evidence) {
    const k = kinds.get(e.kind) ?? { count: 0, bytes: 0 };
    kinds.set(e.kind, { count: k.count + 1, bytes: k.bytes + e.size });
  }
  const byKind = [...kinds].map(([kind, k]) => `${kind} ${k.count} (${(k.bytes / MB).toFixed(1)} MB)`);
  console.log(`corpus: ${corpus.files.length} files in ${path.relative(process.cwd(), CACHE)} (${corpus.generated} generated now), ${s(corpusEnd - setupStart)} s`);
  console.log(`photos: ${photos.length}, ${Math.min(...photos).toFixed(2)}–${Math.max(...photos).toFixed(2)} MB, average ${(photos.reduce((a, b) => a + b, 0) / photos.length).toFixed(2)} MB; <2: ${bucket(0, 2)}, 2–3: ${bucket(2, 3)}, 3–4: ${bucket(3, 4)}, 4–5: ${bucket(4, 5)}, ≥5: ${bucket(5, Infinity)}`);
  console.log(`orders: ${orders.length} (${orders.filter((o) => o.flagged).length} flagged, ${badTracking} tracking numbers not matching their carrier); database, case and orders ${s(ordersEnd - corpusEnd)} s`);
  console.log(`evidence: ${evidence.length} uploaded (${byKind.join(', ')}), PDF pages ${evidence.reduce((n, e) => n + (e.pageCount ?? 0), 0)}, flagged checks ${evidence.filter((e) => e.checkStatus !== 'ok').length}, ${s(uploadEnd - ordersEnd)} s`);
  for (const line of videoUploads) console.log(`video: ${line}`);
  console.log(`links: ${links.length} evidence–order links; audit findings explained: ${audit.findingCount}`);
  console.log(`setup seconds=${s(setupEnd - setupStart)} (corpus ${s(corpusEnd - setupStart)}, upload ${s(uploadEnd - ordersEnd)})`);
  if (setupOnly) await db.$disconnect();

  if (!setupOnly) {
    // The floor, then the export, each in a process of its own: the same inputs, the same minute of
    // machine load; BENCH_ROUNDS times over (3 by default), the case put back between rounds, and the
    // medians compared: on a shared machine one round's export can take half as long again as the next.
    const rounds = Math.max(1, Math.floor(Number(process.env.BENCH_ROUNDS) || 3));
    const floors: FloorResult[] = [];
    const runs: RunResult[] = [];
    for (let round = 1; round <= rounds; round++) {
      if (round > 1) await undoEdits(c.id);
      const floor = await runChild<FloorResult>('bench/floor.ts', [c.id]);
      if (!floor.ok) throw new Error(`floor child exited with ${floor.code}: ${floor.lastStderr.join(' | ')}`);
      // The timed part, in a process of its own: its peak memory is the export's, not the photo generator's.
      const run = await runChild<RunResult>('bench/export-run.ts', [c.id, ...(process.env.BENCH_REEXPORT === '0' ? [] : [corpus.extraPhoto])]);
      if (!run.ok) throw new Error(`export child exited with ${run.code}: ${run.lastStderr.join(' | ')}`);
      floors.push(floor.result);
      runs.push(run.result);
      const re = run.result.reexport;
      console.log(`round ${round}: floor ${floor.result.seconds.toFixed(2)} s, export ${run.result.seconds.toFixed(2)} s (cpu ${run.result.cpuSeconds.toFixed(2)}, peak ${run.result.peakRssMb.toFixed(0)} MB)${re ? `, re-export statement ${re.statement.toFixed(2)} s, photo ${re.photo.toFixed(2)} s` : ''}; load ${os.loadavg()[0]?.toFixed(2)}`);
    }
    await db.$disconnect();
    const f = floors.at(-1) as FloorResult;
    const result = runs.at(-1) as RunResult;
    console.log(`floor: ${f.photos} previews re-encoded at 160 DPI (two at a time), ${f.pdfs} PDFs merged with ${f.qpdf}; ${f.pages} pages, ${f.sizeMb.toFixed(2)} MB, cpu ${f.cpuSeconds.toFixed(2)} s, peak ${f.peakRssMb.toFixed(0)} MB; phases (s): ${Object.entries(f.phases).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    const floorSeconds = median(floors.map((x) => x.seconds));
    const exportSeconds = median(runs.map((x) => x.seconds));
    console.log(`floor seconds=${floorSeconds.toFixed(2)}`);
    for (const v of result.files) console.log(`volume ${v.volume}: ${v.path} ${(v.size / MB).toFixed(2)} MB, ${v.pages} pages`);
    console.log(`warnings: ${result.warnings.length}${result.warnings.length ? ` (${result.warnings.slice(0, 5).map((w) => `${w.exhibitId} ${w.reason}`).join('; ')}${result.warnings.length > 5 ? ' …' : ''})` : ''}; oversized: ${result.oversized.length ? result.oversized.join(', ') : 'none'}`);
    console.log(`RSS before the export: ${result.rssBeforeMb.toFixed(0)} MB (modules loaded); export cpu ${median(runs.map((x) => x.cpuSeconds)).toFixed(2)} s (floor ${median(floors.map((x) => x.cpuSeconds)).toFixed(2)} s, without its qpdf process; medians)`);
    if (result.reexport) {
      const statement = median(runs.map((x) => x.reexport?.statement ?? 0));
      const photo = median(runs.map((x) => x.reexport?.photo ?? 0));
      console.log(`reexport statement seconds=${statement.toFixed(2)} ratio=${(statement / exportSeconds).toFixed(2)}`);
      console.log(`reexport photo seconds=${photo.toFixed(2)} ratio=${(photo / exportSeconds).toFixed(2)}`);
    }
    console.log(`ratio=${(exportSeconds / floorSeconds).toFixed(2)} (median export/median floor wall time over ${rounds} rounds; cpu ${(median(runs.map((x) => x.cpuSeconds)) / median(floors.map((x) => x.cpuSeconds))).toFixed(2)}); load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    const sizeMb = result.files.reduce((n, v) => n + v.size, 0) / MB;
    // Seconds: the median round's; peak: the highest of any round.
    console.log(`export seconds=${exportSeconds.toFixed(2)} peak_rss_mb=${Math.max(...runs.map((x) => x.peakRssMb)).toFixed(0)} size_mb=${sizeMb.toFixed(2)} pages=${result.pages}`);
  }
} finally {
  // --setup-only keeps the case for profiling one export by hand (the line below says how).
  if (setupOnly) console.log(`kept: DATA_DIR=${dataDir} DATABASE_URL= npx jiti bench/export-run.ts ${caseId} (rm -r it when done)`);
  else rmSync(dataDir, { recursive: true, force: true });
}
