import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { IMPORT_JOB } from '@/lib/jobs/handlers';
import { InProcessJobRunner } from '@/lib/jobs/runner';
import { makeUser } from '@/lib/testing/factories';
import { suggestMapping } from './import/header-map';
import { encodeUtf8Bom, taobaoCsvText } from './import/test-fixtures';
import { latestImport, type ImportJobInput } from './import-job';
import { keepImportFile } from './import-session';

let caseId: string;
let runner: InProcessJobRunner;
beforeEach(async () => {
  const user = await makeUser();
  caseId = (await db.case.create({ data: { userId: user.id, title: '导入', platform: 'taobao' } })).id;
  runner = new InProcessJobRunner();
});

const HEADERS = (taobaoCsvText().split('\n')[0] ?? '').split(',');
const choices = (importId: string, extra: Partial<ImportJobInput> = {}): ImportJobInput => ({
  importId, fileName: '淘宝订单.csv', flagged: true, keepPersonalData: false, mapping: suggestMapping(HEADERS).mapping, fixes: { corrections: [], skips: [] }, ...extra,
});

async function importAndWait(input: ImportJobInput) {
  await runner.enqueue(caseId, IMPORT_JOB, input);
  await runner.idle();
  return latestImport(caseId);
}

describe('the import job', () => {
  it('saves the orders of the kept file with progress, refreshes the case, and reports what it did', async () => {
    const importId = await keepImportFile(caseId, encodeUtf8Bom(taobaoCsvText()));
    const view = await importAndWait(choices(importId));
    const orders = await db.order.findMany({ where: { caseId } });
    expect(view).toMatchObject({ status: 'done', progress: 1, fileName: '淘宝订单.csv', result: { ok: true, created: orders.length, updated: 0 } });
    expect(orders.length).toBeGreaterThan(0);
    expect(orders.every((o) => o.flagged && o.source === 'import')).toBe(true);
    // The case's progress was refreshed, its audit computed on the way.
    expect((await db.case.findUniqueOrThrow({ where: { id: caseId } })).completion).toBeGreaterThan(0);
    expect(await db.auditCache.count({ where: { caseId } })).toBe(1);
  });

  it('changes nothing when run again on the same file', async () => {
    const importId = await keepImportFile(caseId, encodeUtf8Bom(taobaoCsvText()));
    await importAndWait(choices(importId));
    const again = await importAndWait(choices(importId));
    expect(again?.result).toMatchObject({ ok: true, created: 0, updated: 0 });
  });

  it('reports a file that is gone, and a correction still broken, without saving anything', async () => {
    expect((await importAndWait(choices('00000000-0000-4000-8000-000000000000')))?.result).toEqual({ ok: false, error: 'expired' });
    const broken = encodeUtf8Bom(`${taobaoCsvText()}\n="3012345678901234599",a,b\n`);
    const importId = await keepImportFile(caseId, broken);
    const lines = taobaoCsvText().split('\n').length + 1;
    const view = await importAndWait(choices(importId, { fixes: { corrections: [{ line: lines, text: 'still,broken' }], skips: [] } }));
    expect(view?.result).toEqual({ ok: false, error: 'correctionBroken', lines: [lines] });
    expect(await db.order.count({ where: { caseId } })).toBe(0);
  });

  it('adds nothing over the per-import or per-case cap, and says which', async () => {
    const importId = await keepImportFile(caseId, encodeUtf8Bom(taobaoCsvText()));
    try {
      process.env.MAX_ORDERS_PER_IMPORT = '1';
      expect((await importAndWait(choices(importId)))?.result).toMatchObject({ ok: false, error: 'overCap', cap: { kind: 'import', limit: 1 } });
      delete process.env.MAX_ORDERS_PER_IMPORT;
      await db.order.create({ data: { caseId, orderNo: '9990001', source: 'paste' } });
      process.env.MAX_ORDERS_PER_CASE = '2';
      expect((await importAndWait(choices(importId)))?.result).toMatchObject({ ok: false, error: 'overCap', cap: { kind: 'case', limit: 2, current: 1 } });
      expect(await db.order.count({ where: { caseId } })).toBe(1);
    } finally {
      delete process.env.MAX_ORDERS_PER_IMPORT;
      delete process.env.MAX_ORDERS_PER_CASE;
    }
  });

  it('fails on input the confirmation never sends, and says so on the job', async () => {
    await runner.enqueue(caseId, IMPORT_JOB, { importId: 42 });
    await runner.idle();
    expect(await latestImport(caseId)).toMatchObject({ status: 'failed', result: null });
  });
});

describe('an import a crash interrupted', () => {
  it('runs again from the start after the restart, leaving every order of the file once, and says so', async () => {
    const importId = await keepImportFile(caseId, encodeUtf8Bom(taobaoCsvText()));
    await importAndWait(choices(importId));
    const all = await db.order.findMany({ where: { caseId }, select: { orderNo: true }, orderBy: { orderNo: 'asc' } });
    // The crash: only the first chunk had been saved, and the job was left running.
    await db.order.deleteMany({ where: { caseId, orderNo: { in: all.slice(1).map((o) => o.orderNo) } } });
    await db.job.deleteMany({ where: { caseId } });
    const stuck = await db.job.create({ data: { caseId, kind: IMPORT_JOB, status: 'running', progress: 0.4, input: JSON.stringify(choices(importId)) } });

    expect(await runner.recover()).toBeGreaterThanOrEqual(1);
    await runner.idle();
    expect(await db.job.findUniqueOrThrow({ where: { id: stuck.id } })).toMatchObject({ status: 'failed', error: 'interrupted' });
    const view = await latestImport(caseId);
    expect(view).toMatchObject({ status: 'done', resumed: true, result: { ok: true, created: all.length - 1, updated: 0 } });
    expect(await db.order.findMany({ where: { caseId }, select: { orderNo: true }, orderBy: { orderNo: 'asc' } })).toEqual(all);
  });

  it('leaves other interrupted kinds failed, for the merchant to retry', async () => {
    const stuck = await db.job.create({ data: { caseId, kind: 'export-pdf', status: 'running' } });
    await runner.recover();
    await runner.idle();
    expect(await db.job.findMany({ where: { caseId }, select: { id: true, status: true } })).toEqual([{ id: stuck.id, status: 'failed' }]);
  });
});
