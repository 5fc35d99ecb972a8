import { describe, expect, it } from 'vitest';
import { carrierFromName, checkTracking, detectCarriers, isValidS10, normaliseTrackingNo, s10CheckDigit } from './detect';

describe('normaliseTrackingNo', () => {
  it.each([
    ['  sf 1385-6287-16739 ', 'SF1385628716739'],
    ['ＳＦ１３８５６２８７１６７３９', 'SF1385628716739'],
    ['="773277027280336"', '773277027280336'],
    ['＝＂773277027280336＂', '773277027280336'],
    ["'773277027280336", '773277027280336'],
    ['"jt5261988016578"', 'JT5261988016578'],
    ['\u200B773 277 027\u00A0280 336\u3000', '773277027280336'],
    ['773—277–027‐280−336', '773277027280336'],
    ['\t="  "', ''],
  ])('%j -> %j', (raw, expected) => {
    expect(normaliseTrackingNo(raw)).toBe(expected);
  });
});

describe('carrierFromName', () => {
  it.each([
    ['顺丰速运', 'sf'], ['顺丰快递', 'sf'], ['SF', 'sf'], ['sf express', 'sf'], [' 顺丰 速运 ', 'sf'],
    ['中通快递', 'zto'], ['中通快递(代收)', 'zto'], ['中通快递（代收）', 'zto'], ['ZTO Express', 'zto'],
    ['圆通速递', 'yto'], ['圆通快递', 'yto'], ['申通快递', 'sto'], ['申通E物流', 'sto'],
    ['韵达快递', 'yunda'], ['韵达速递', 'yunda'], ['韵达快递【退货】', 'yunda'],
    ['京东快递', 'jd'], ['京东物流', 'jd'], ['京东', 'jd'],
    ['中国邮政', 'china-post'], ['邮政EMS', 'china-post'], ['EMS', 'china-post'], ['ＥＭＳ', 'china-post'],
    ['邮政快递包裹', 'china-post'], ['中国邮政速递物流股份有限公司', 'china-post'], ['china-post', 'china-post'],
    ['极兔速递', 'jt'], ['J&T Express', 'jt'], ['德邦快递', 'deppon'], ['德邦物流', 'deppon'],
    ['菜鸟速递', 'cainiao'], ['百世快递', 'best'], ['百世汇通', 'best'], ['天天快递', 'tiantian'],
  ])('%s -> %s', (name, id) => {
    expect(carrierFromName(name)).toBe(id);
  });

  // Freight arms are separate companies with other numbering; a pickup station is no carrier.
  it.each(['', '   ', '快递', '中通快运', '韵达快运', '某某物流', '菜鸟驿站', '顺丰同城'])('%j is unknown', (name) => {
    expect(carrierFromName(name)).toBeNull();
  });
});

describe('S10 check digit', () => {
  it('computes the UPU digit, including the 10 -> 0 and 11 -> 5 cases', () => {
    expect(s10CheckDigit('12345678')).toBe(5); // RB123456785GB, the sample in jkeen/tracking_number_data
    expect(s10CheckDigit('00000000')).toBe(5); // sum 0, remainder 0: 11 maps to 5
    expect(s10CheckDigit('00004000')).toBe(0); // sum 4 × 3 = 12, remainder 1: 10 maps to 0
    expect(s10CheckDigit('00000001')).toBe(4); // sum 7, remainder 7: 11 - 7
  });

  it('accepts valid and rejects invalid numbers', () => {
    expect(isValidS10('RB123456785GB')).toBe(true);
    expect(isValidS10('EE123456785CN')).toBe(true);
    expect(isValidS10('EE123456789CN')).toBe(false);
    expect(isValidS10('EE12345678CN')).toBe(false);
  });

  it('refuses a serial that is not 8 digits', () => {
    expect(() => s10CheckDigit('1234567')).toThrow();
  });
});

describe('detectCarriers', () => {
  it.each([
    ['75123456789012', ['zto', 'best']],
    ['668812345678', ['sf', 'sto', 'tiantian']],
    ['5123456789012', ['yunda', 'china-post']],
    ['SF1385628716739', ['sf']],
    ['EE123456785CN', ['china-post']],
    ['EE123456789CN', []],
    ['12345678', ['deppon']],
    ['HELLO', []],
  ])('%s -> %j', (no, ids) => {
    expect(detectCarriers(no)).toEqual(ids);
  });

  it('normalises before matching', () => {
    expect(detectCarriers('="sf 1385 6287 16739"')).toEqual(['sf']);
  });
});

describe('checkTracking', () => {
  it('is ok when the number fits the named carrier', () => {
    expect(checkTracking({ trackingNo: ' sf 1385 6287 16739 ', carrierName: '顺丰速运' })).toEqual({
      normalised: 'SF1385628716739', carrier: 'sf', status: 'ok', detected: ['sf'],
    });
  });

  it('warns, without throwing, when the number fits another carrier or none', () => {
    expect(checkTracking({ trackingNo: 'YT8962646785389', carrierName: '中通快递' })).toMatchObject({
      carrier: 'zto', status: 'formatMismatch', detected: ['yto'],
    });
    expect(checkTracking({ trackingNo: '7.73277E+14', carrierName: '申通快递' })).toMatchObject({
      carrier: 'sto', status: 'formatMismatch', detected: [],
    });
  });

  it('reports a carrier name it does not know', () => {
    expect(checkTracking({ trackingNo: '202197601431', carrierName: '中通快运' })).toMatchObject({
      carrier: null, status: 'unknownCarrier', detected: ['sf', 'best'],
    });
  });

  it('reports an empty number, keeping the named carrier', () => {
    expect(checkTracking({ trackingNo: '="" ', carrierName: '韵达快递' })).toEqual({
      normalised: '', carrier: 'yunda', status: 'empty', detected: [],
    });
  });

  it('takes the carrier from the number only when exactly one format fits', () => {
    expect(checkTracking({ trackingNo: 'JT5261988016578' })).toMatchObject({ carrier: 'jt', status: 'ok' });
    expect(checkTracking({ trackingNo: '75123456789012', carrierName: ' ' })).toMatchObject({ carrier: null, status: 'ok' });
    expect(checkTracking({ trackingNo: 'ABC' })).toMatchObject({ carrier: null, status: 'unknownCarrier' });
  });

  it('flags a wrong S10 check digit', () => {
    expect(checkTracking({ trackingNo: 'EE123456789CN', carrierName: '邮政EMS' })).toMatchObject({
      status: 'formatMismatch', checkDigit: 'invalid',
    });
    expect(checkTracking({ trackingNo: 'ee 123 456 785 cn', carrierName: 'EMS' })).toMatchObject({
      status: 'ok', checkDigit: 'valid',
    });
    expect(checkTracking({ trackingNo: 'SF1385628716739' })).not.toHaveProperty('checkDigit');
  });
});
