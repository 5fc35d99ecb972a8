import { describe, expect, it } from 'vitest';
import { splitLogistics } from './split-logistics';

describe('splitLogistics', () => {
  it('splits the shapes exports write carrier and number in', () => {
    expect(splitLogistics('中通快递:73100012345678')).toEqual({ ok: true, carrier: '中通快递', trackingNo: '73100012345678' });
    expect(splitLogistics('中通快递：73100012345678')).toEqual({ ok: true, carrier: '中通快递', trackingNo: '73100012345678' });
    expect(splitLogistics('YTO 圆通速递 YT1234567890123')).toEqual({ ok: true, carrier: '圆通速递', trackingNo: 'YT1234567890123' });
    expect(splitLogistics('ZTO-中通快递-73100012345678')).toEqual({ ok: true, carrier: '中通快递', trackingNo: '73100012345678' });
    expect(splitLogistics('中通快递73100012345678')).toEqual({ ok: true, carrier: '中通快递', trackingNo: '73100012345678' });
    expect(splitLogistics('顺丰速运(SF1234567890123)')).toEqual({ ok: true, carrier: '顺丰速运', trackingNo: 'SF1234567890123' });
    expect(splitLogistics('J&T Express JT5261988016578')).toEqual({ ok: true, carrier: 'J&T Express', trackingNo: 'JT5261988016578' });
    expect(splitLogistics('ZTO Express 中通快递 73100012345678')).toEqual({ ok: true, carrier: '中通快递', trackingNo: '73100012345678' });
  });

  it('keeps a bare number or a bare known carrier', () => {
    expect(splitLogistics('73100012345678')).toEqual({ ok: true, trackingNo: '73100012345678' });
    expect(splitLogistics('顺丰速运')).toEqual({ ok: true, carrier: '顺丰速运' });
  });

  it('lists every parcel of a split shipment', () => {
    expect(splitLogistics('顺丰速运 SF1234567890123; 中通 73100012345678')).toEqual({
      ok: true, carrier: '顺丰速运; 中通', trackingNo: 'SF1234567890123; 73100012345678',
    });
    expect(splitLogistics('中通快递:73100012345678，中通快递:73100012345679')).toEqual({
      ok: true, carrier: '中通快递', trackingNo: '73100012345678; 73100012345679',
    });
  });

  it('refuses cells it cannot split with certainty', () => {
    // Two numbers in one shipment, two carriers for one number, words that name no carrier.
    expect(splitLogistics('中通 73100012345678 73100012345679')).toEqual({ ok: false });
    expect(splitLogistics('中通 圆通 73100012345678')).toEqual({ ok: false });
    expect(splitLogistics('安能物流 300012345678')).toEqual({ ok: false });
    expect(splitLogistics('已签收')).toEqual({ ok: false });
    // "SF 1234567890123": is SF the carrier or the start of the number? Both read differently.
    expect(splitLogistics('SF 1234567890123')).toEqual({ ok: false });
    // A carrier named for one parcel but not the other cannot be paired.
    expect(splitLogistics('顺丰 SF1234567890123; 73100012345678')).toEqual({ ok: false });
  });
});
