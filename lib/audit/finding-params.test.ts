import { describe, expect, it } from 'vitest';
import { findingMessageParams } from './finding-params';

const yuan = (cents: number) => `¥${(cents / 100).toFixed(2)}`;

describe('findingMessageParams', () => {
  it('prints a price outlier in yuan, not fen', () => {
    const p = findingMessageParams({ rule: 'amountOutlier', params: { value: 1999, median: 12900, itemTitle: '杯子', statusKnown: true, partiallyRefunded: false } }, yuan);
    expect(p).toMatchObject({ value: '¥19.99', median: '¥129.00', itemTitle: '杯子', statusKnown: 'true', partiallyRefunded: 'false' });
  });

  it('keeps counts as numbers and a shared value as text', () => {
    const p = findingMessageParams({ rule: 'samePhone', params: { count: 4, value: 13812345678 } }, yuan);
    expect(p).toMatchObject({ count: 4, value: '13812345678', reason: 'noneInExport' });
  });
});
