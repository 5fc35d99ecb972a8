import { describe, expect, it } from 'vitest';
import { recordFailure } from './run-job';

const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });

describe('recordFailure', () => {
  it('tries again while the disk is full, so the job ends failed once room comes back', async () => {
    const calls: string[] = [];
    const mark = async (jobId: string, reason: string) => {
      calls.push(`${jobId}:${reason}`);
      if (calls.length < 3) throw full;
    };
    await recordFailure('j1', 'storageFull', mark, 1);
    expect(calls).toEqual(['j1:storageFull', 'j1:storageFull', 'j1:storageFull']);
  });

  it('gives up at once on any other error', async () => {
    let calls = 0;
    const mark = async () => {
      calls += 1;
      throw new Error('no such row');
    };
    await expect(recordFailure('j1', 'boom', mark, 1)).rejects.toThrow('no such row');
    expect(calls).toBe(1);
  });
});
