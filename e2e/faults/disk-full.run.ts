import { readdirSync } from 'node:fs';
import path from 'node:path';
import { test, expect, request as playwrightRequest } from '@playwright/test';
import { checkStore, Tally } from './invariants';
import { onSmallDisk } from './tmpfs';

const MB = 1024 * 1024;
const MOUNT = '/tmp/appeal-pack-faults-disk';

/** The server's data folder on a 48 MB tmpfs (CI runs as root), filled by uploads until the disk says no. */
test('a full disk: uploads, order files and exports are refused with the translated reason, nothing partial is left, reads go on', async ({ browser }) => {
  const disk = { mount: MOUNT, sizeMb: 48, port: Number(process.env.FAULT_PORT ?? 3190) + 1, name: '满盘' };
  await onSmallDisk(disk, async ({ server, api, db, caseId }) => {
      const chat = (n: number) => Buffer.concat([Buffer.from(`聊天记录 ${n}\n`), Buffer.alloc(8 * MB, `line ${n} 你好\n`)]);

      // Fill the disk.
      const answers: number[] = [];
      for (let n = 0; n < 10 && !answers.includes(507); n++) {
        const response = await api.post(`/api/cases/${caseId}/evidence?name=chat-${n}.txt&category=chat`, { data: chat(n), headers: { 'content-type': 'application/octet-stream' } });
        answers.push(response.status());
        if (response.status() === 507) expect(await response.json()).toEqual({ ok: false, error: 'storageFull' });
      }
      expect(answers.at(-1)).toBe(507);
      expect(await db.evidence.count({ where: { caseId: caseId } })).toBe(answers.filter((s) => s === 201).length);
      expect(readdirSync(path.join(server.dataDir, 'files', '.tmp'))).toEqual([]);

      // An order file, and an export, on the full disk. A new connection: the server answered the
      // refused upload before reading its body to the end, and closes that socket.
      const fresh = await playwrightRequest.newContext({ baseURL: server.url, storageState: await api.storageState() });
      const orders = Buffer.from(`订单编号,宝贝标题\n${Array.from({ length: 300_000 }, (_, i) => `${3000000000000000000n + BigInt(i)},保温杯`).join('\n')}\n`);
      const imported = await fresh.post(`/api/cases/${caseId}/order-imports?name=orders.csv`, { data: orders, headers: { 'content-type': 'application/octet-stream' } });
      expect([imported.status(), await imported.json()]).toEqual([507, { error: 'storageFull' }]);
      const exported = await fresh.post(`/api/cases/${caseId}/export`, { data: {} });
      expect([exported.status(), await exported.json()]).toEqual([507, { error: 'storageFull' }]);

      // What the merchant sees, and reads that still work.
      const context = await browser.newContext({ baseURL: server.url, storageState: await api.storageState() });
      const page = await context.newPage();
      await page.goto(`/cases/${caseId}/evidence`);
      await page.getByLabel('选择文件').setInputFiles({ name: '再来一个.txt', mimeType: 'text/plain', buffer: chat(99) });
      await expect(page.getByText('服务器存储空间不足，请稍后再试。')).toBeVisible({ timeout: 30_000 });
      await expect(page.getByText('chat-0.txt').or(page.getByText('chat-0')).first()).toBeVisible();
      const first = await db.evidence.findFirstOrThrow({ where: { caseId: caseId } });
      expect((await fresh.get(`/api/cases/${caseId}/evidence/${first.id}/original`)).status()).toBe(200);

      const tally = new Tally();
      await checkStore(server.dataDir, tally, 'full disk');
      console.log(`disk-full: uploads ${answers.join(',')} invariants_checked=${tally.checked} violations=${tally.violations.length}`);
      expect(tally.violations).toEqual([]);
      await context.close();
      await fresh.dispose();
  });
});
