import { describe, expect, it } from 'vitest';
import { defaultContext } from '../finding';
import { at, makeOrder } from '../order-factory';
import { paidBeforeCreated, shippedBeforePaid, signedBeforeShipped, signedTooFast } from './timeline';

const MIN = 1 / 60; // an hour fraction

describe('inversions', () => {
  it('flags payment more than 5 minutes before creation, not exactly 5', () => {
    const bad = makeOrder(1, { createdAt: at(10), paidAt: at(10 - 5 * MIN - MIN) });
    const edge = makeOrder(2, { createdAt: at(10), paidAt: new Date(at(10).getTime() - 5 * 60_000) });
    expect(paidBeforeCreated([bad, edge])).toMatchObject([
      { rule: 'paidBeforeCreated', severity: 'medium', orderNos: [bad.orderNo], params: { gapMinutes: 6, toleranceMinutes: 5 } },
    ]);
  });

  it('flags shipping before payment as high', () => {
    const bad = makeOrder(1, { paidAt: at(10), shippedAt: at(9) });
    expect(shippedBeforePaid([bad, makeOrder(2)])).toMatchObject([{ severity: 'high', params: { gapMinutes: 60 } }]);
  });

  it('flags signing before shipping, and skips orders missing either time', () => {
    const bad = makeOrder(1, { shippedAt: at(30), signedAt: at(29.5) });
    const noSign = makeOrder(2, { shippedAt: at(30), signedAt: undefined });
    expect(signedBeforeShipped([bad, noSign]).map((f) => f.orderNos)).toEqual([[bad.orderNo]]);
  });
});

describe('durations in messages', () => {
  it('gives days and hours, or hours and minutes, instead of thousands of minutes', () => {
    const day = makeOrder(1, { shippedAt: at(30 + 23), signedAt: at(30) });
    expect(signedBeforeShipped([day])[0]?.params).toMatchObject({ gapMinutes: 1380, gapD: 0, gapH: 23, gapM: 0 });
    const long = makeOrder(2, { shippedAt: at(30 + 51.2), signedAt: at(30) });
    expect(signedBeforeShipped([long])[0]?.params).toMatchObject({ gapD: 2, gapH: 3, gapM: 0 });
    const short = makeOrder(3, { paidAt: at(10), shippedAt: at(10 - 45 * MIN) });
    expect(shippedBeforePaid([short])[0]?.params).toMatchObject({ gapD: 0, gapH: 0, gapM: 45 });
  });

  it('ignores statuses: an impossible sequence stays impossible after a refund', () => {
    const bad = makeOrder(1, { shippedAt: at(30), signedAt: at(29), status: 'refunded' });
    expect(signedBeforeShipped([bad])).toHaveLength(1);
  });
});

describe('signedTooFast', () => {
  it('flags a sign-off under 3 h after shipping, not at 3 h', () => {
    const fast = makeOrder(1, { shippedAt: at(20), signedAt: at(23 - MIN) });
    const edge = makeOrder(2, { shippedAt: at(20), signedAt: at(23) });
    expect(signedTooFast([fast, edge])).toMatchObject([{ severity: 'medium', orderNos: [fast.orderNo], params: { minShipToSignHours: 3 } }]);
  });

  it('leaves real inversions to signedBeforeShipped but keeps clock-skew ones', () => {
    const inverted = makeOrder(1, { shippedAt: at(20), signedAt: at(19) });
    const skew = makeOrder(2, { shippedAt: at(20), signedAt: at(20 - 2 * MIN) });
    expect(signedTooFast([inverted, skew])).toMatchObject([{ orderNos: [skew.orderNo], params: { hours: 0 } }]);
  });

  it('uses the longer threshold when the parcel crossed a province, the short one otherwise', () => {
    const ctx = { ...defaultContext(), shipFromProvince: '浙江' as const };
    const crossFast = makeOrder(1, { shippedAt: at(20), signedAt: at(25), address: '上海 上海市 浦东新区' });
    const crossOk = makeOrder(2, { shippedAt: at(20), signedAt: at(26), address: '上海 上海市 浦东新区' });
    const local = makeOrder(3, { shippedAt: at(20), signedAt: at(25), address: '浙江省 杭州市 西湖区' });
    const unknown = makeOrder(4, { shippedAt: at(20), signedAt: at(25), address: 'Seattle, WA, US' });
    expect(signedTooFast([crossFast, crossOk, local, unknown], ctx)).toMatchObject([
      { orderNos: [crossFast.orderNo], params: { minShipToSignHours: 6, distance: 'crossProvince', from: '浙江', to: '上海' } },
    ]);
    // Without the ship-from province the same orders are judged by the same-city threshold only.
    expect(signedTooFast([crossFast])).toEqual([]);
  });
});
