import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCase } from '@/lib/cases/repository';
import { db } from '@/lib/db/client';
import { makeUser } from '@/lib/testing/factories';
import { acceptUpload } from './accept-upload';
import { appendToCategory, byDateThenTitle, parsePlacement, sortCategoryByDate, type Placement } from './exhibit-order';

let user: { id: string };
let caseId: string;
beforeEach(async () => {
  user = await makeUser();
  caseId = (await createCase(user.id, { title: 't', platform: 'tmall', appealDeadline: null })).id;
});

const text = (name: string, category = 'invoice', placement: Placement | null = null) =>
  acceptUpload({ userId: user.id, caseId, fileName: `${name}.txt`, category, placement, body: Readable.from([Buffer.from(`证据 ${name} ${randomUUID()}\n`)]) });

async function order(category = 'invoice'): Promise<string[]> {
  const rows = await db.evidence.findMany({ where: { caseId, category }, orderBy: { position: 'asc' } });
  return rows.map((r) => `${r.position}:${r.title}`);
}

describe('exhibit placement', () => {
  it('numbers a batch in pick order when the uploads finish in reverse', async () => {
    await text('earlier');
    const batch = randomUUID();
    for (const index of [2, 0, 1]) await text(`pick ${index}`, 'invoice', { batch, index });
    expect(await order()).toEqual(['1:earlier', '2:pick 0', '3:pick 1', '4:pick 2']);
  });

  it('keeps pick order and unique numbers when a batch finishes all at once', async () => {
    const batch = randomUUID();
    await Promise.all([4, 1, 3, 0, 2].map((index) => text(`pick ${index}`, 'chat', { batch, index })));
    expect(await order('chat')).toEqual(['1:pick 0', '2:pick 1', '3:pick 2', '4:pick 3', '5:pick 4']);
  });

  it('never gives two concurrent uploads without a batch the same number, even after a deletion', async () => {
    await text('a');
    const b = await text('b');
    await text('c');
    await db.evidence.delete({ where: { id: b.ok ? b.evidenceId : '' } });
    await Promise.all(['d', 'e', 'f', 'g'].map((name) => text(name)));
    const positions = (await db.evidence.findMany({ where: { caseId } })).map((r) => r.position).sort((x, y) => x - y);
    expect(positions).toEqual([1, 3, 4, 5, 6, 7]);
  });

  it('leaves a batch-mate out when it was a duplicate or refused: the others keep their order', async () => {
    await text('x');
    const batch = randomUUID();
    await text('pick 1', 'invoice', { batch, index: 1 });
    const refused = await acceptUpload({ userId: user.id, caseId, fileName: 'empty.txt', category: 'invoice', placement: { batch, index: 0 }, body: Readable.from([]) });
    expect(refused.ok).toBe(false);
    await text('pick 2', 'invoice', { batch, index: 2 });
    expect(await order()).toEqual(['1:x', '2:pick 1', '3:pick 2']);
  });

  it('appends an exhibit moved to another category after its last one, gaps or not', async () => {
    const moved = await text('moved', 'chat');
    await text('c1');
    const gone = await text('c2');
    await text('c3');
    await db.evidence.delete({ where: { id: gone.ok ? gone.evidenceId : '' } });
    await appendToCategory(db, moved.ok ? moved.evidenceId : '', caseId, 'invoice');
    expect(await order()).toEqual(['1:c1', '3:c3', '4:moved']);
  });

  it('sorts a category by document date, then title, undated last', async () => {
    for (const name of ['无日期', '乙', '甲', '丙']) await text(name);
    const date = (title: string, d: string) => db.evidence.updateMany({ where: { caseId, title }, data: { documentDate: new Date(d) } });
    await date('乙', '2026-11-02');
    await date('甲', '2026-11-02');
    await date('丙', '2026-11-01');
    await sortCategoryByDate(caseId, 'invoice');
    expect(await order()).toEqual(['1:丙', '2:甲', '3:乙', '4:无日期']);
  });
});

describe('parsePlacement', () => {
  it('accepts a UUID batch and a small index, nothing else', () => {
    const batch = randomUUID();
    expect(parsePlacement(batch, '3')).toEqual({ batch, index: 3 });
    expect(parsePlacement(batch, '-1')).toBeNull();
    expect(parsePlacement(batch, '10000')).toBeNull();
    expect(parsePlacement('../../x', '1')).toBeNull();
    expect(parsePlacement(null, '1')).toBeNull();
  });
});

describe('byDateThenTitle', () => {
  it('falls back to the current order for equal date and title', () => {
    const row = (position: number) => ({ id: String(position), title: 'a', documentDate: null, position });
    expect([row(2), row(1)].sort(byDateThenTitle).map((r) => r.position)).toEqual([1, 2]);
  });
});
