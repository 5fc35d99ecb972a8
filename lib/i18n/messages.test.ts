import { describe, expect, it } from 'vitest';
import en from './messages/en.json';
import zh from './messages/zh-CN.json';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('message files', () => {
  it('have exactly the same keys in both languages', () => {
    const zhKeys = keys(zh).sort();
    const enKeys = keys(en).sort();
    expect(enKeys.filter((k) => !zhKeys.includes(k))).toEqual([]);
    expect(zhKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
  });

  it('have no empty strings', () => {
    const empty = (tree: object) => keys(tree).filter((k) => k.split('.').reduce<unknown>((n, p) => (n as Record<string, unknown>)[p], tree) === '');
    expect(empty(zh)).toEqual([]);
    expect(empty(en)).toEqual([]);
  });
});
