import { describe, expect, it } from 'vitest';
import { coverageRow } from './coverage';

describe('coverageRow', () => {
  it('counts a tracking number only when it fits its carrier', () => {
    expect(coverageRow('1', 'ok', new Set()).has.tracking).toBe(true);
    expect(coverageRow('1', 'formatMismatch', new Set()).has.tracking).toBe(false);
    expect(coverageRow('1', 'empty', new Set()).missing).toEqual(['tracking', 'logisticsProof', 'chat', 'invoice', 'review']);
  });

  it('takes the other kinds from linked evidence', () => {
    expect(coverageRow('1', 'ok', new Set(['chat', 'invoice'] as const)).missing).toEqual(['logisticsProof', 'review']);
  });
});
