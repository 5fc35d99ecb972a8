import { describe, expect, it } from 'vitest';
import { fromChinaLocalInput, toChinaLocalInput } from './china-time';

describe('China local time inputs', () => {
  it('round-trips through the form in UTC+8', () => {
    const instant = new Date('2026-11-11T16:30:00Z');
    expect(toChinaLocalInput(instant)).toBe('2026-11-12T00:30');
    expect(fromChinaLocalInput('2026-11-12T00:30')).toEqual(instant);
  });

  it('treats empty and malformed values as none', () => {
    expect(toChinaLocalInput(null)).toBe('');
    expect(fromChinaLocalInput('')).toBeNull();
    expect(fromChinaLocalInput('2026-13-40T99:99')).toBeNull();
  });
});
