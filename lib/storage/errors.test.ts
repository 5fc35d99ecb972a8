import { describe, expect, it } from 'vitest';
import { isStorageFull } from './errors';

describe('isStorageFull', () => {
  it('knows a full disk, a full quota and SQLite unable to grow, however wrapped', () => {
    expect(isStorageFull(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }))).toBe(true);
    expect(isStorageFull({ code: 'EDQUOT' })).toBe(true);
    expect(isStorageFull(new Error('database or disk is full'))).toBe(true);
    expect(isStorageFull(new Error('Invalid `prisma.evidence.create()` invocation', { cause: new Error('SqliteError: SQLITE_FULL') }))).toBe(true);
    // From a worker thread only the message survives.
    expect(isStorageFull({ message: 'ENOSPC: no space left on device, open' })).toBe(true);
  });

  it('is not fooled by other failures', () => {
    expect(isStorageFull(new Error('ECONNRESET'))).toBe(false);
    expect(isStorageFull(Object.assign(new Error('permission denied'), { code: 'EACCES' }))).toBe(false);
    expect(isStorageFull('ENOSPC')).toBe(false);
    expect(isStorageFull(null)).toBe(false);
  });
});
