import { describe, expect, it } from 'vitest';
import { CUT_MARK, cutText } from './cut-text';

describe('cutText', () => {
  it('keeps text within the limit as it is', () => {
    expect(cutText('夏季连衣裙', 5)).toBe('夏季连衣裙');
  });

  it('cuts longer text to the limit, ending with the mark', () => {
    const cut = cutText('夏季新款雪纺连衣裙女装', 6);
    expect(cut).toBe(`夏季新款雪${CUT_MARK}`);
    expect(cut).toHaveLength(6);
  });

  it('never leaves half of a surrogate pair', () => {
    // '👍' is two UTF-16 units: a cut after its first would leave a lone high surrogate.
    const cut = cutText('好评👍👍👍', 4);
    expect(cut).toBe(`好评${CUT_MARK}`);
    expect(/[\ud800-\udbff]$/.test(cut.slice(0, -1))).toBe(false);
    expect(cutText('好评👍👍👍', 5)).toBe(`好评👍${CUT_MARK}`);
  });

  it('cuts a megabyte to the limit', () => {
    expect(cutText('A'.repeat(1024 * 1024), 300)).toHaveLength(300);
  });
});
