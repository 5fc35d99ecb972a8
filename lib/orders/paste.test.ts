import { describe, expect, it } from 'vitest';
import { parsePastedOrderNumbers } from './paste';

describe('parsePastedOrderNumbers', () => {
  it('splits on lines, commas, spaces and Chinese punctuation, keeping long numbers exact', () => {
    const text = '3012345678901234567\r\n3012345678901234568，3012345678901234569、 ="3012345678901234570"\t4012345678\n\n';
    expect(parsePastedOrderNumbers(text)).toEqual({
      orderNos: ['3012345678901234567', '3012345678901234568', '3012345678901234569', '3012345678901234570', '4012345678'],
      invalid: [],
    });
  });

  it('drops duplicates and reports what is not an order number', () => {
    expect(parsePastedOrderNumbers('123456789 123456789 订单 3.01235E+18 12')).toEqual({
      orderNos: ['123456789'],
      invalid: ['订单', '3.01235E+18', '12'],
    });
  });
});
