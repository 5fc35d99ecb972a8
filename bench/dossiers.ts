/**
 * The per-order dossiers at scale, without a database: a synthetic case of N flagged orders (each
 * with a 6-event timeline, two linked exhibits and a finding) and one chat log of 20,000 lines that
 * names some of them. Prints the time to find every order's chat mentions, and the bundle's bytes
 * and pages with the dossiers as pages (200 orders) and as the compact table (5,000 orders), each
 * against the same bundle without dossiers, so the per-order cost that bundle.ts's size estimate
 * uses can be read off. Leaves the bundles at bench/out/dossiers-200.pdf and dossiers-5000.pdf.
 * A script that prints figures, not a timed test.
 *
 * Run: JITI_ALIAS='{"server-only":"'$PWD'/lib/testing/empty-module.ts","@":"'$PWD'"}' npx jiti bench/dossiers.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { buildBundle } from '@/lib/export/bundle';
import { chatMentions } from '@/lib/export/chat-mentions';
import type { BundleData, Exhibit } from '@/lib/export/collect';
import { parseChatLog } from '@/lib/export/exhibits/chat-log';
import type { Prepared } from '@/lib/export/prepare';
import type { BlobStore } from '@/lib/storage';
import { coverageRow } from '@/lib/orders/coverage';

const LINES = 20_000;
const orderNo = (i: number) => `40${String(123456789012345 + i * 7919).padStart(17, '0')}`;
const trackingNo = (i: number) => `SF1${String(300000000000 + i * 104729).padStart(12, '0')}`;

function chatLog(orders: number): string {
  const lines: string[] = [];
  for (let i = 0; i < LINES; i++) {
    const time = `2026-11-${String(10 + (i % 10)).padStart(2, '0')} 10:${String(i % 60).padStart(2, '0')}:00`;
    // One line in ten names an order or its waybill, the rest is talk.
    const said = i % 10 === 0 ? (i % 20 === 0 ? `订单${orderNo(i % orders)}什么时候发？` : `运单 ${trackingNo(i % orders)} 已揽收`) : `第 ${i} 句：好的，谢谢，麻烦尽快安排。`;
    lines.push(`${time} ${i % 2 ? '小明数码客服' : '买家小雨'}: ${said}`);
  }
  return lines.join('\n');
}

function caseData(orders: number, log: string): BundleData {
  const chat = { evidenceId: 'e1', exhibitId: 'C-001', category: 'chat', title: '客服聊天记录', documentDate: null, description: '', orderNos: [], originalName: 'chat.txt', kind: 'text', mime: 'text/plain', size: Buffer.byteLength(log), sha256: '0'.repeat(64), uploadedAt: new Date('2026-11-20T00:00:00Z'), storageKey: 'chat', previewKey: null, checkStatus: 'ok', checkReason: '' } satisfies Exhibit;
  const nos = Array.from({ length: orders }, (_, i) => orderNo(i));
  const events = Array.from({ length: 6 }, (_, k) => ({ at: new Date(Date.UTC(2026, 10, 10, 8 + k * 6)), text: `【杭州市】快件在杭州转运中心完成分拣，准备发往下一站（第 ${k + 1} 站）` }));
  return {
    caseId: 'bench',
    language: 'zh-CN',
    maxBundleMB: 50,
    case: { title: '双十一订单申诉', platform: 'tmall', shopName: '小明数码旗舰店', shopId: '123', noticeNumber: 'N1', noticeDate: null, noticeText: '', appealDeadline: null, contactName: '王小明', incidentKind: 'platformFlag' },
    statement: '本店订单均为真实交易。',
    flaggedOrders: nos.map((no, i) => ({ orderNo: no, orderedAt: new Date(Date.UTC(2026, 10, 10, 1, i % 60)), amountCents: 12900, itemTitle: '小米 20000mAh 移动电源 22.5W 双向快充', carrier: '顺丰速运', trackingNo: trackingNo(i), exhibitIds: ['C-001', 'B-001'], coverage: coverageRow(no, 'ok', new Set()) })),
    audit: [{ rule: 'burstHour', explanation: '双十一零点活动开始，订单集中在活动开始后一小时内。', orderCount: orders, findings: [{ id: 'f1', rule: 'burstHour', severity: 'medium', orderNos: nos, params: { date: '2026-11-11', hour: 0, count: orders, statusKnown: 'true', refundedCount: 0 }, explainedByPromotion: true, explanation: '' }] }],
    exhibits: [chat],
    checklist: null,
    charts: { prices: [] },
    dossiers: { compact: orders > 200, max: 200, orders: nos.map((no) => ({ orderNo: no, status: 'completed', statusText: '交易成功', paidAt: new Date(Date.UTC(2026, 10, 10, 1)), shippedAt: new Date(Date.UTC(2026, 10, 10, 8)), signedAt: new Date(Date.UTC(2026, 10, 12, 6)), tracking: { status: 'ok' }, events, moreEvents: 0, undated: 0 })) },
  };
}

const store = (log: string): BlobStore => ({ get: async () => Readable.from([Buffer.from(log)]), put: async () => ({ size: 0 }), delete: async () => {}, list: async () => [], deletePrefix: async () => {} });

async function measure(orders: number) {
  const log = chatLog(orders);
  const data = caseData(orders, log);
  const messages = parseChatLog(log) ?? [];
  const prepared = [{ exhibit: data.exhibits[0], content: { kind: 'chat', messages }, estimate: 0, volume: 1 } as Prepared];
  let started = performance.now();
  const mentions = chatMentions(data.flaggedOrders, prepared);
  const indexMs = performance.now() - started;
  const mentioned = [...mentions.values()].reduce((n, m) => n + m.total, 0);
  const options = { maxBytes: 200 * 1024 * 1024, attachOriginals: false, now: new Date('2026-11-22T04:00:00Z') };
  started = performance.now();
  const withDossiers = await buildBundle(data, store(log), options);
  const buildS = (performance.now() - started) / 1000;
  const without = await buildBundle({ ...data, dossiers: { ...data.dossiers, orders: [] } }, store(log), options);
  const bytes = (o: typeof without) => o.volumes.reduce((n, v) => n + v.bytes.length, 0);
  const extra = bytes(withDossiers) - bytes(without);
  mkdirSync('bench/out', { recursive: true });
  writeFileSync(`bench/out/dossiers-${orders}.pdf`, withDossiers.volumes[0]?.bytes ?? new Uint8Array());
  console.log(
    `${orders} flagged orders, ${data.dossiers.compact ? 'compact table' : 'a page each'}: mentions of ${orders} orders in ${LINES} chat lines ${indexMs.toFixed(0)} ms (${mentioned} found); ` +
      `bundle ${(bytes(withDossiers) / 1024 / 1024).toFixed(2)} MB, ${withDossiers.pages} pages in ${buildS.toFixed(1)} s; ` +
      `dossiers add ${withDossiers.pages - without.pages} pages, ${(extra / 1024).toFixed(0)} KB = ${(extra / orders).toFixed(0)} B an order`,
  );
}

await measure(200);
await measure(5000);
