import { describe, expect, it } from 'vitest';
import { CARRIER_IDS, CARRIERS, type CarrierId } from './carriers';
import { carrierFromName, detectCarriers } from './detect';

// Valid samples come from the sources cited in carriers.ts where they give one; the rest are built
// to the documented shape. Invalid ones break one thing each: length, prefix, a letter among digits.
const SAMPLES: Record<CarrierId, { valid: string[]; invalid: string[] }> = {
  sf: {
    valid: ['SF1385628716739', 'SF0012345678901', '123456789012'],
    invalid: ['SF138562871673', 'SX1385628716739', 'SF13856287167A9', '1234567890123'],
  },
  zto: {
    valid: ['73610555582883', '75123456789012', '78912345678901'],
    invalid: ['7361055558288', '79123456789012', '7361055558288A', '736105555828830'],
  },
  yto: {
    valid: ['YT8962646785389', 'YT1234567890123', 'YT896264678538'],
    invalid: ['YT896264678', 'YD8962646785389', 'YT89626467853A9', 'YT2212345678901234'],
  },
  sto: {
    valid: ['773277027280336', '772012345678901', '882012345678901'],
    invalid: ['77327702728033', '763277027280336', '77327702728O336'],
  },
  yunda: {
    valid: ['463431409940372', '312345678901234', '5123456789012'],
    invalid: ['46343140994037', '963431409940372', '46343140994037X', '6123456789012'],
  },
  jd: {
    valid: ['JDX024407261700', 'JDVA11408814483', 'JDVC12345678901'],
    invalid: ['JDX02440726170', 'JEX024407261700', 'JDX02440726170A'],
  },
  'china-post': {
    valid: ['1207119765021', '9812345678901', 'PA12345678901', 'EE123456785CN', 'LX987654326CN'],
    invalid: ['120711976502', '2207119765021', 'EE123456789CN', 'EE123456785US', '12071197650A1'],
  },
  jt: {
    valid: ['JT5261988016578', 'JT0006968326954', 'JT526198801657'],
    invalid: ['JT52619880165', 'JX5261988016578', 'JT52619880165A8'],
  },
  deppon: {
    valid: ['DPK202252612836', 'DPK364112047425', '12345678'],
    invalid: ['DPK20225261283', 'DPX202252612836', 'DPK2022526128AB', '1234567'],
  },
  cainiao: {
    valid: ['621123456789012', 'LP00123456789012'],
    invalid: ['62112345678901', '622123456789012', 'LP0012345678901A'],
  },
  best: {
    valid: ['A123456789012', '55123456789012', '512345678901234'],
    invalid: ['C123456789012', 'A12345678901', 'A12345678901B'],
  },
  tiantian: {
    valid: ['668812345678', 'TT6612345678901', '995123456789'],
    invalid: ['678812345678', 'TT661234567890', 'TT66123456789A1'],
  },
};

describe.each(CARRIER_IDS)('%s tracking formats', (id) => {
  const { valid, invalid } = SAMPLES[id];

  it('has at least two valid and two invalid samples', () => {
    expect(valid.length).toBeGreaterThanOrEqual(2);
    expect(invalid.length).toBeGreaterThanOrEqual(2);
  });

  it.each(valid)('accepts %s', (no) => {
    expect(detectCarriers(no)).toContain(id);
  });

  it.each(invalid)('rejects %s', (no) => {
    expect(detectCarriers(no)).not.toContain(id);
  });
});

describe('carrier data', () => {
  it('keys each carrier by its own id', () => {
    for (const id of CARRIER_IDS) expect(CARRIERS[id].id).toBe(id);
    expect(Object.keys(CARRIERS).sort()).toEqual([...CARRIER_IDS].sort());
  });

  it('anchors every pattern and never makes it stateful', () => {
    for (const id of CARRIER_IDS) {
      for (const { regex } of CARRIERS[id].patterns) {
        expect(regex.source, `${id} ${regex}`).toMatch(/^\^.*\$$/);
        expect(regex.flags, `${id} ${regex}`).not.toMatch(/[gy]/);
      }
    }
  });

  it('names the source of every pattern, and marks observed ones as such', () => {
    for (const id of CARRIER_IDS) {
      for (const { regex, source } of CARRIERS[id].patterns) {
        expect(source, `${id} ${regex}`).toMatch(/^\[(?:S10|CV|HTF|OBS)\] \S/);
      }
    }
  });

  // Two carriers claiming one spelling would silently send a row to the wrong format check.
  it('resolves every alias, name and id back to its own carrier', () => {
    for (const id of CARRIER_IDS) {
      const { nameZh, nameEn, aliases } = CARRIERS[id];
      for (const name of [id, nameZh, nameEn, ...aliases]) expect(carrierFromName(name), name).toBe(id);
    }
  });
});
