import { describe, expect, it } from 'vitest';
import { countTicks, linearScale, niceTicks, tickStep } from './ticks';

describe('tickStep', () => {
  it('picks 1, 2 or 5 times a power of ten', () => {
    expect(tickStep(0, 100, 5)).toBe(20);
    expect(tickStep(0, 1000, 4)).toBe(200);
    expect(tickStep(0, 37, 5)).toBe(10);
    expect(tickStep(0, 1, 10)).toBe(0.1);
    expect(tickStep(0, 7, 10)).toBe(0.5);
  });
});

describe('niceTicks', () => {
  it('extends outwards to whole steps', () => {
    expect(niceTicks(3, 97, 5)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(1234, 1789, 5)).toEqual([1200, 1300, 1400, 1500, 1600, 1700, 1800]);
  });

  it('prints decimals cleanly and survives one value or a reversed range', () => {
    expect(niceTicks(0.1, 0.7, 6)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
    expect(niceTicks(50, 50)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(niceTicks(10, 0, 2)).toEqual([0, 5, 10]);
  });
});

describe('countTicks', () => {
  it('counts whole orders from 0 with room above the maximum', () => {
    expect(countTicks(3)).toEqual([0, 1, 2, 3, 4]);
    expect(countTicks(87)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(countTicks(40)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(countTicks(0)).toEqual([0, 1]);
  });
});

describe('linearScale', () => {
  it('maps the domain onto the range, inverted ranges included', () => {
    const y = linearScale([0, 100], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(25)).toBe(150);
    expect(linearScale([5, 5], [0, 10])(5)).toBe(5);
  });
});
