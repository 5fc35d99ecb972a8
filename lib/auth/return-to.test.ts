import { describe, expect, it } from 'vitest';
import { loginUrl, safeReturnTo } from './return-to';

describe('safeReturnTo', () => {
  it('keeps same-site paths with their query', () => {
    expect(safeReturnTo('/cases/abc/statement?x=1')).toBe('/cases/abc/statement?x=1');
  });

  it.each([
    ['https://evil.example/phish'],
    ['//evil.example'],
    ['/\\evil.example'],
    ['cases'],
    ['/cases\n/x'],
    [undefined],
    [42],
  ])('falls back for %j', (value) => {
    expect(safeReturnTo(value)).toBe('/cases');
  });

  it('builds an encoded login URL', () => {
    expect(loginUrl('/cases/a b')).toBe('/login?next=%2Fcases%2Fa%20b');
    expect(loginUrl('//evil')).toBe('/login?next=%2Fcases');
  });
});
