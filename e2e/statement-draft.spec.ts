import type { Locator } from '@playwright/test';
import { chinaDate } from './support/dates';
import { testDb } from './support/db';
import { createCase, expect, test } from './support/fixtures';
import { upsertTestOrders } from './support/orders';
import { shot } from './support/shots';

const ORDER = '3012345678901234801';

/** A Tmall case with a notice, two flagged orders and an invoice linked to one: what a draft is made of. */
async function caseWithFacts(userId: string, statement = '{}') {
  const c = await createCase(userId, { platform: 'tmall' });
  await testDb().case.update({ where: { id: c.id }, data: { noticeNumber: 'TM-2026-1187', noticeDate: chinaDate(-1), accusations: '["fakeTracking"]', statement } });
  await upsertTestOrders(c.id, [
    { orderNo: ORDER, flagged: true, orderedAt: new Date('2026-11-01T04:00:00Z'), trackingNo: 'SF1234567890123', carrier: '顺丰速运' },
    { orderNo: '3012345678901234802', flagged: true, orderedAt: new Date('2026-11-02T04:00:00Z') },
  ]);
  const order = await testDb().order.findFirstOrThrow({ where: { caseId: c.id, orderNo: ORDER } });
  // A row is enough: the draft reads what the case knows of its evidence, not the file.
  await testDb().evidence.create({
    data: { caseId: c.id, storageKey: `e2e/${c.id}/invoice`, sha256: 'b'.repeat(64), size: 1, mime: 'image/png', kind: 'png', originalName: 'invoice.png', uploadedBy: userId, category: 'invoice', position: 1, title: '进货发票', orders: { create: [{ orderId: order.id }] } },
  });
  return c;
}

/**
 * Brings `target` into view at the bottom edge, as a tap target reached by scrolling or by focus
 * would be, and says whether a tap there lands on it rather than on something drawn over it.
 */
async function reachable(target: Locator): Promise<boolean> {
  return target.evaluate((el) => {
    el.scrollIntoView({ block: 'end' });
    const r = el.getBoundingClientRect();
    return [r.top + 2, r.top + r.height / 2, r.bottom - 2].every((y) => {
      const hit = document.elementFromPoint(r.left + r.width / 2, y);
      return hit !== null && el.contains(hit);
    });
  });
}

test('an empty statement is offered a draft from the facts; the short version fits the box and copies', async ({ page, user, context }) => {
  const c = await caseWithFacts(user.id);
  await page.goto(`/cases/${c.id}/statement`);

  const offer = page.getByTestId('draft-offer');
  await expect(offer).toBeVisible();
  await expect(page.getByTestId('draft-facts')).toContainText('通知编号：TM-2026-1187');
  await expect(page.getByTestId('draft-facts')).toContainText('1 份证据');
  await page.setViewportSize({ width: 1280, height: 900 });
  await shot(offer, 'draft-offer-1280');
  await page.setViewportSize({ width: 360, height: 800 });
  await shot(offer, 'draft-offer-360');
  // The character count never covers the offer's button on a phone.
  const accept = offer.getByRole('button', { name: '用这份草稿填写各段' });
  expect(await reachable(accept)).toBe(true);
  await shot(page, 'draft-offer-360-button');
  await page.setViewportSize({ width: 1280, height: 900 });

  await offer.getByRole('button', { name: '用这份草稿填写各段' }).click();
  await expect(offer).toBeHidden();
  await expect(page.getByTestId('draft-filled')).toBeVisible();
  const whatHappened = page.getByRole('textbox', { name: '事情经过', exact: true });
  await expect(whatHappened).toHaveValue(/编号为 TM-2026-1187 的违规通知/);
  await expect(whatHappened).toHaveValue(new RegExp(`\\[订单 ${ORDER}\\]`));
  await expect(page.getByRole('textbox', { name: '证据说明了什么', exact: true })).toHaveValue(/发票：\[B-001\] 进货发票/);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  const saved = await testDb().case.findUniqueOrThrow({ where: { id: c.id } });
  expect(JSON.parse(saved.statement).whatHappened).toContain('TM-2026-1187');

  // A long paragraph: the short version is cut to the box, its count never above the limit.
  await page.getByRole('textbox', { name: '为什么这些订单是真实的', exact: true }).fill('这些订单来自活动期间的真实买家，均已付款、发货并签收。'.repeat(40));
  const count = page.getByTestId('short-count');
  await expect(page.getByTestId('short-version')).toContainText('已按段截短');
  const [shown, limit] = ((await count.textContent()) ?? '').match(/\d+/g)?.map(Number) ?? [];
  expect(limit).toBe(500);
  expect(shown).toBeGreaterThan(400);
  expect(shown).toBeLessThanOrEqual(500);
  const shortText = await page.getByTestId('short-text').inputValue();
  expect(Array.from(shortText)).toHaveLength(shown ?? -1);
  expect(shortText).toMatch(/B-001/);
  expect(shortText).not.toContain('[B-001]');
  expect(shortText.endsWith('详见证据包')).toBe(true);
  await shot(page.getByTestId('short-version'), 'draft-short-1280');

  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: '复制简短版本' }).click();
  await expect(page.getByTestId('short-version').getByRole('status')).toHaveText('已复制到剪贴板');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shortText);

  // With text to count the bar is sticky, and a control scrolled to the bottom edge stops above it.
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await reachable(page.getByRole('button', { name: '插入引用: 证据说明了什么' }))).toBe(true);
  await shot(page, 'statement-360-picker');
  await page.setViewportSize({ width: 1280, height: 900 });

  // Once begun, the statement is never offered a draft again.
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  await page.reload();
  await expect(page.getByRole('textbox', { name: '事情经过', exact: true })).toHaveValue(/TM-2026-1187/);
  await expect(page.getByTestId('draft-offer')).toHaveCount(0);

  // The review ends with the same short version, read-only, to copy when submitting; references show as ids.
  await page.goto(`/cases/${c.id}/review`);
  const reviewShort = page.getByTestId('short-version');
  await expect(reviewShort.getByTestId('short-text')).toHaveValue(shortText);
  await expect(reviewShort.getByTestId('short-text')).toHaveAttribute('readonly', '');
  await expect(page.locator('main')).toContainText('[B-001] 进货发票');
  await expect(page.locator('main')).not.toContainText('[[ev:');
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await reviewShort.getByRole('button', { name: '复制简短版本' }).click();
  await expect(reviewShort.getByRole('status')).toHaveText('已复制到剪贴板');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shortText);
  await shot(reviewShort, 'review-short-1280');
  await page.setViewportSize({ width: 360, height: 800 });
  await shot(reviewShort, 'review-short-360');
});

test('a statement the merchant has begun gets no draft offer', async ({ page, user }) => {
  const c = await caseWithFacts(user.id, JSON.stringify({ context: '自己写的背景。' }));
  await page.goto(`/cases/${c.id}/statement`);
  await expect(page.getByRole('textbox', { name: '背景（如促销活动）', exact: true })).toHaveValue('自己写的背景。');
  await expect(page.getByTestId('short-count')).toBeVisible();
  await expect(page.getByTestId('draft-offer')).toHaveCount(0);
});
