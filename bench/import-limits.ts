/**
 * Memory of the order-import limits against the inputs issue #12 found: a chunked over-limit body
 * (read whole by formData() before; counted and stopped by readBody now) and a small workbook that
 * unpacks to one giant cell (inflated by exceljs before; refused from its ZIP directory now).
 * Each case runs in its own process, so peaks do not hide behind an earlier case's. Prints the
 * peak RSS growth, what the heap and buffers hold right after, and what stays after a GC.
 * A script that prints figures, not a timed test.
 *
 * Run: npm run bench:limits [-- bodyMb cellMb]
 */
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { readBody } from '../lib/http/receive';
import { parseOrderFile } from '../lib/orders/import/import-orders';
import { readXlsx } from '../lib/orders/import/read-xlsx';

const bodyMb = Number(process.argv[2] ?? 150);
const cellMb = Number(process.argv[3] ?? 150);
const LIMIT = 50 * 1024 * 1024;
const MB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

/** A chunked multipart body of `size` bytes, made as it is pulled; `pulled` counts what was read. */
function chunkedBody(size: number) {
  const counter = { pulled: 0 };
  const head = new TextEncoder().encode('--b\r\nContent-Disposition: form-data; name="file"; filename="o.csv"\r\n\r\n');
  const tail = new TextEncoder().encode('\r\n--b--\r\n');
  const chunk = new Uint8Array(64 * 1024).fill(0x41);
  let sentHead = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!sentHead) return void ((sentHead = true), controller.enqueue(head));
      if (counter.pulled >= size) return void (controller.enqueue(tail), controller.close());
      counter.pulled += chunk.length;
      controller.enqueue(chunk.slice());
    },
  });
  return { stream, counter };
}

async function measure(label: string, run: () => Promise<string>) {
  gc();
  const before = process.memoryUsage();
  let peak = before.rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const started = performance.now();
  const outcome = await run();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const held = (m: NodeJS.MemoryUsage) => m.heapUsed + m.arrayBuffers - before.heapUsed - before.arrayBuffers;
  const heldNow = held(process.memoryUsage());
  // Streams finish tearing down on later ticks, and buffers' memory is returned after a GC, not by it.
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    gc();
  }
  const kept = held(process.memoryUsage());
  const mb = (n: number) => `${(n / MB).toFixed(0)} MB`;
  console.log(`${label}: ${outcome}; ${seconds.toFixed(2)} s, RSS peak +${mb(peak - before.rss)}, heap+buffers +${mb(heldNow)} (+${mb(kept)} after GC)`);
}

const CASES = ['formData', 'readBody', 'exceljs', 'parseOrderFile'] as const;
const only = process.env.BENCH_CASE;
if (!only) {
  for (const name of CASES) execFileSync(process.execPath, ['--expose-gc', 'node_modules/jiti/lib/jiti-cli.mjs', 'bench/import-limits.ts', String(bodyMb), String(cellMb)], { env: { ...process.env, BENCH_CASE: name }, stdio: 'inherit' });
  process.exit(0);
}

if (only === 'formData') await measure(`before: formData() on a chunked ${bodyMb} MB body`, async () => {
  const { stream, counter } = chunkedBody(bodyMb * MB);
  const request = new Request('http://bench/', { method: 'POST', body: stream, duplex: 'half', headers: { 'content-type': 'multipart/form-data; boundary=b' } } as RequestInit);
  const form = await request.formData();
  return `read ${(counter.pulled / MB).toFixed(0)} MB, file of ${((form.get('file') as File).size / MB).toFixed(0)} MB`;
});
if (only === 'readBody') await measure(`now: readBody on a chunked ${bodyMb} MB body`, async () => {
  const { stream, counter } = chunkedBody(bodyMb * MB);
  const result = await readBody(stream, LIMIT);
  return `${result.ok ? 'accepted' : result.reason} after reading ${(counter.pulled / MB).toFixed(1)} MB`;
});

async function bomb(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('订单').addRows([['订单号', '商品'], ['1000001', 'A'.repeat(cellMb * MB)]]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
if (only === 'exceljs' || only === 'parseOrderFile') {
  const bytes = await bomb();
  const name = `${(bytes.length / 1024).toFixed(0)} KB workbook holding a ${cellMb} MB cell`;
  if (only === 'exceljs') await measure(`before: exceljs reads a ${name}`, async () => `read ${(await readXlsx(bytes)).rows.length} rows`);
  else await measure(`now: parseOrderFile on a ${name}`, async () => {
    const result = await parseOrderFile(bytes, 'bomb.xlsx');
    return result.ok ? 'accepted' : result.error;
  });
}
