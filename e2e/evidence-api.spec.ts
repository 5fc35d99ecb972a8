import sharp from 'sharp';
import { testDb } from './support/db';
import { createCase, expect, signUp, test } from './support/fixtures';

const jpeg = () => sharp({ create: { width: 64, height: 48, channels: 3, background: '#c8102e' } }).jpeg().toBuffer();

test('uploads stream in, duplicates are recognised, bad files refused, originals download to the owner only', async ({ page, user, browser }) => {
  const c = await createCase(user.id);
  const bytes = await jpeg();
  const post = (name: string, data: Buffer, caseId = c.id, request = page.request) =>
    request.post(`/api/cases/${caseId}/evidence?name=${encodeURIComponent(name)}&category=invoice`, { data, headers: { 'content-type': 'application/octet-stream' } });

  const first = await post('发票 2026-11.jpg', bytes);
  expect(first.status()).toBe(201);
  const { evidenceId } = await first.json();
  expect((await (await post('again.jpg', bytes)).json())).toMatchObject({ ok: true, duplicate: true, evidenceId });
  const renamed = await post('invoice.pdf', bytes);
  expect(renamed.status()).toBe(422);
  expect(await renamed.json()).toMatchObject({ ok: false, error: 'mismatch' });
  expect(await testDb().evidence.count({ where: { caseId: c.id } })).toBe(1);

  const download = await page.request.get(`/api/cases/${c.id}/evidence/${evidenceId}/original`);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-disposition']).toBe(`attachment; filename="__ 2026-11.jpg"; filename*=UTF-8''%E5%8F%91%E7%A5%A8%202026-11.jpg`);
  expect(download.headers()['x-content-type-options']).toBe('nosniff');
  expect(Buffer.compare(await download.body(), bytes)).toBe(0);

  const other = await browser.newContext();
  const intruder = await other.newPage();
  await signUp(intruder.request, '乙');
  expect((await intruder.request.get(`/api/cases/${c.id}/evidence/${evidenceId}/original`)).status()).toBe(404);
  expect((await post('x.jpg', await jpeg(), c.id, intruder.request)).status()).toBe(404);
  await other.close();
});
