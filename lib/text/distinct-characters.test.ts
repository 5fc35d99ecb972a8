import { describe, expect, it } from 'vitest';
import { distinctCharacters } from './distinct-characters';

describe('distinctCharacters', () => {
  it('counts what a Set of the joined texts counts: code points, lone surrogates as themselves', () => {
    const texts = ['买家: 在吗？😀😀', '客服: 在的 😃 ABC abc', '\ud83d', 'x\udc00y', '', '买'];
    expect(distinctCharacters(texts)).toBe(new Set(texts.join('')).size);
  });

  it('agrees with a Set on random text across the planes', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const texts = Array.from({ length: 50 }, () => Array.from({ length: 200 }, () => String.fromCodePoint(next() % 3 === 0 ? 0x20000 + (next() % 500) : 0x4e00 + (next() % 3000))).join(''));
    expect(distinctCharacters(texts)).toBe(new Set(texts.join('')).size);
  });
});
