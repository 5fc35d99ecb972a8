import { describe, expect, it } from 'vitest';
import { createCase } from '@/lib/cases/repository';
import { db } from '@/lib/db/client';
import { makeUser } from '@/lib/testing/factories';
import { exportSpace, spaceFor } from './space';

const MB = 1024 * 1024;

describe('room for an export', () => {
  it('asks for twice the stored evidence plus the front matter, and says whether the disk has it', () => {
    expect(spaceFor(100 * MB, 300 * MB)).toEqual({ freeBytes: 300 * MB, needBytes: 264 * MB, enough: true });
    expect(spaceFor(100 * MB, 263 * MB).enough).toBe(false);
    expect(spaceFor(0, 64 * MB).enough).toBe(true);
  });

  it('reads the free space of the data folder’s disk', async () => {
    const user = await makeUser();
    const { id } = await createCase(user.id, { title: 't', platform: 'tmall', appealDeadline: null });
    await db.case.update({ where: { id }, data: { storedBytes: 10 * MB } });
    const space = await exportSpace(id);
    expect(space.needBytes).toBe(84 * MB);
    expect(space.freeBytes).toBeGreaterThan(0);
  });
});
