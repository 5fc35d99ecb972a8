import { describe, expect, it } from 'vitest';
import { breakLines, placeRows, type Piece } from './statement-lines';

/** A reproducible run of pieces: CJK-wide words, spaces, hanging commas and references. */
function pieces(seed: number, count: number): Piece<true>[] {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: count }, () => {
    const r = next();
    if (r < 0.1) return { text: ' ', width: 3 };
    if (r < 0.2) return { text: '，', width: 11 };
    if (r < 0.3) return { text: '（证据 B-003，第 888 页）', width: 90 + next() * 40, ref: true as const };
    return { text: '字', width: 11 };
  });
}

describe('statement lines', () => {
  it('never makes more lines when references come out narrower than reserved', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const reserved = pieces(seed, 400);
      const drawn = reserved.map((p) => (p.ref ? { ...p, width: p.width * (0.5 + (seed % 5) / 10) } : p));
      expect(breakLines(drawn, 300).length, `seed ${seed}`).toBeLessThanOrEqual(breakLines(reserved, 300).length);
    }
  });

  it('keeps a reference whole and lets closing punctuation hang', () => {
    const lines = (ps: Piece<true>[]) => breakLines(ps, 100).map((r) => r.map((p) => p.text).join(''));
    expect(lines([{ text: '字', width: 85 }, { text: 'ref', width: 20, ref: true }, { text: '，', width: 11 }])).toEqual(['字', 'ref，']);
    expect(lines([{ text: '字', width: 80 }, { text: 'ref', width: 20, ref: true }, { text: '，', width: 11 }])).toEqual(['字ref，']);
  });

  it('fills pages in order but never leaves a reserved page blank', () => {
    expect(placeRows(43, [40, 3])).toEqual([40, 3]);
    // Two lines fewer than reserved: the last page still gets a line, the first ends early.
    expect(placeRows(41, [40, 3])).toEqual([40, 1]);
    expect(placeRows(40, [40, 3])).toEqual([39, 1]);
    expect(placeRows(80, [40, 40, 3])).toEqual([40, 39, 1]);
    expect(placeRows(2, [40, 40, 3])).toEqual([1, 1, 0]);
  });

  it('refuses more lines than were reserved', () => {
    expect(() => placeRows(44, [40, 3])).toThrow(/44 lines for 43/);
  });
});
