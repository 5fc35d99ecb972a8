/**
 * Chinese carriers: names, the spellings platform exports use, and tracking-number shapes.
 * No carrier publishes its numbering rules: each pattern names the open-source table it was read
 * from, and numbering changes without notice, so a number that fits no pattern is a hint to
 * double-check, never proof of a fake. Sources:
 *   [CV]  BF-zh/Courier-Validation src/pattern/*.ts (npm courier-validation, 2024)
 *   [HTF] phillip2019/hive-third-functions src/main/java/com/chinagoods/bigdata/functions/logistic/UDFLogisticNoValid.java
 *   [S10] jkeen/tracking_number_data couriers/s10.json, CHECKSUM_ALGORITHMS.md (UPU S10)
 */

export const CARRIER_IDS = [
  'sf', 'zto', 'yto', 'sto', 'yunda', 'jd', 'china-post', 'jt', 'deppon', 'cainiao', 'best', 'tiantian',
] as const;
export type CarrierId = (typeof CARRIER_IDS)[number];

export type CarrierPattern = {
  /** Anchored, tested against a normalised number; no `g` flag (it would keep state between tests). */
  regex: RegExp;
  /** The shape in words, for a hint such as "expected SF + 13 digits". */
  shape: string;
  /** A check digit the number must also pass (implemented in detect.ts). */
  checksum?: 's10';
};

export type Carrier = {
  id: CarrierId;
  nameZh: string;
  nameEn: string;
  /** Spellings seen in platform exports and tracking APIs; matched case- and width-insensitively. */
  aliases: readonly string[];
  patterns: readonly CarrierPattern[];
};

export const CARRIERS: Record<CarrierId, Carrier> = {
  sf: {
    id: 'sf', nameZh: '顺丰速运', nameEn: 'SF Express',
    aliases: ['顺丰', '顺丰速运', '顺丰快递', '顺丰速递', '顺丰标快', '顺丰特快', 'SF', 'SF Express'],
    patterns: [
      // [CV] SF.ts `^SF[a-z0-9]\d{12}$`, sample SF1385628716739. No public check-digit algorithm found.
      { regex: /^SF[0-9A-Z]\d{12}$/, shape: 'SF + 13 characters' },
      // Older 12-digit waybills, from before the SF prefix ([HTF] comment "12位"). Overlaps other carriers.
      { regex: /^\d{12}$/, shape: '12 digits (older waybills)' },
    ],
  },
  zto: {
    id: 'zto', nameZh: '中通快递', nameEn: 'ZTO Express',
    aliases: ['中通', '中通快递', '中通速递', 'ZTO', 'ZTO Express', 'zhongtong'],
    // [CV] ZTO.ts `^7[3-68]\d{12}$`. [HTF] accepts any 14 digits plus many 12-digit prefixes of
    // older years; those are left out as too loose to tell anything. 中通快运 is a different company.
    patterns: [{ regex: /^7[3-68]\d{12}$/, shape: '14 digits starting 73–76 or 78' }],
  },
  yto: {
    id: 'yto', nameZh: '圆通速递', nameEn: 'YTO Express',
    aliases: ['圆通', '圆通速递', '圆通快递', 'YTO', 'YTO Express', 'yuantong'],
    // [CV] YTO.ts `^YT\d{13}$`, sample YT8962646785389. Exactly 13 digits: YunExpress (云途) uses YT + 16.
    patterns: [{ regex: /^YT\d{13}$/, shape: 'YT + 13 digits' }],
  },
  sto: {
    id: 'sto', nameZh: '申通快递', nameEn: 'STO Express',
    aliases: ['申通', '申通快递', '申通E物流', 'STO', 'STO Express', 'shentong'],
    patterns: [
      // [CV] STO.ts `^(77|43)\d{12,15}$`, sample 773277027280336; [HTF] `^(77)[0-9]{13}$`. Both agree on
      // 77 + 13; [CV]'s 43 prefix clashes with Yunda and is not confirmed elsewhere, so it is left out.
      { regex: /^77\d{13}$/, shape: '15 digits starting 77' },
      // [HTF] only: `^(88)[0-9]{13}$|^(99)[0-9]{13}$`. Uncertain.
      { regex: /^(?:88|99)\d{13}$/, shape: '15 digits starting 88 or 99' },
    ],
  },
  yunda: {
    id: 'yunda', nameZh: '韵达快递', nameEn: 'Yunda Express',
    aliases: ['韵达', '韵达快递', '韵达速递', 'Yunda', 'Yunda Express', 'YD'],
    patterns: [
      // [CV] YUNDA.ts `^[34]\d{14}$`, sample 463431409940372; [HTF] accepts any 15 digits.
      { regex: /^[34]\d{14}$/, shape: '15 digits starting 3 or 4' },
      // [CV] YUNDA.ts `^5\d{12}$`; [HTF] accepts any 13 digits. The narrower, newer rule is kept.
      { regex: /^5\d{12}$/, shape: '13 digits starting 5' },
    ],
  },
  jd: {
    id: 'jd', nameZh: '京东物流', nameEn: 'JD Logistics',
    aliases: ['京东', '京东物流', '京东快递', '京东配送', 'JD', 'JDL', 'JD Logistics', 'jingdong'],
    // [CV] JD.ts `^JD[a-z0-9]{2}\d{11}$` (sample JDX024407261700) covers [HTF]'s `^JD[XK]\d{12}$|^JDV[A-Z]\d{11}$`.
    patterns: [{ regex: /^JD[0-9A-Z]{2}\d{11}$/, shape: 'JD + 13 characters' }],
  },
  'china-post': {
    id: 'china-post', nameZh: '中国邮政', nameEn: 'China Post / EMS',
    aliases: [
      '中国邮政', '邮政', '邮政快递包裹', '邮政包裹', '邮政EMS', '邮政标准快递', '邮政电商标快', 'EMS', 'EMS快递',
      'EMS经济快递', 'EMS标准快递', '中国邮政速递物流', 'China Post', 'YZPY', 'POSTB', 'youzhengguonei',
    ],
    patterns: [
      // Domestic, 13 digits. [CV] EMS.ts `^[981]\d{12}$`; [HTF] EMS `^(10|11|12|50|51|52|95|97|98|99)\d{11}$`.
      // Union of the two leading digits. [HTF] accepts any 13 digits for 邮政快递包裹 (sample 4309597495550).
      { regex: /^[1589]\d{12}$/, shape: '13 digits starting 1, 5, 8 or 9' },
      // Domestic parcel: [CV] EMS.ts `^P[a-z]\d{11}$`; [HTF] 邮政快递包裹 two letters of G/A/K/Q/P/H,
      // 9 digits, then a province code 11–65. Uncertain which is current.
      { regex: /^P[A-Z]\d{11}$/, shape: 'P + letter + 11 digits' },
      { regex: /^[GAKQPH]{2}\d{9}(?:1[1-9]|[2-5]\d|6[0-5])$/, shape: '2 letters + 11 digits' },
      // International UPU S10: 2 letters, 8 digits, check digit, country CN ([S10]). Only CN is China Post.
      { regex: /^[A-Z]{2}\d{9}CN$/, shape: '2 letters + 9 digits + CN', checksum: 's10' },
    ],
  },
  jt: {
    id: 'jt', nameZh: '极兔速递', nameEn: 'J&T Express',
    aliases: ['极兔', '极兔速递', '极兔快递', 'J&T', 'J&T Express', 'JT', 'JTSD', 'jtexpress'],
    // [CV] JT.ts `^JT\d{13}$`, sample JT5261988016578. [HTF] also allows JT + 12 digits, unsampled: left out.
    patterns: [{ regex: /^JT\d{13}$/, shape: 'JT + 13 digits' }],
  },
  deppon: {
    id: 'deppon', nameZh: '德邦快递', nameEn: 'Deppon Express',
    aliases: ['德邦', '德邦快递', '德邦物流', '德邦快运', 'Deppon', 'DBL', 'DPK', 'debangwuliu', 'debangkuaidi'],
    patterns: [
      // [CV] DPK.ts `^DPK\d{12}$`, sample DPK202252612836; [HTF] sample DPK364112047425.
      { regex: /^DPK\d{12}$/, shape: 'DPK + 12 digits' },
      // Older 8–10 digit numbers ([HTF] `^[0-9]{8,10}$`, "8-9位").
      { regex: /^\d{8,10}$/, shape: '8–10 digits (older waybills)' },
    ],
  },
  cainiao: {
    id: 'cainiao', nameZh: '菜鸟速递', nameEn: 'Cainiao',
    aliases: ['菜鸟', '菜鸟速递', '菜鸟快递', '菜鸟直送', '丹鸟', '丹鸟快递', 'Cainiao', 'CNSD'],
    patterns: [
      // [CV] CN.ts `^621\d{12}$` only; no sample, no second source. Uncertain.
      { regex: /^621\d{12}$/, shape: '15 digits starting 621' },
      // Cross-border LP + 14 digits: widely seen, but from no rule table found. Uncertain.
      { regex: /^LP\d{14}$/, shape: 'LP + 14 digits' },
    ],
  },
  best: {
    id: 'best', nameZh: '百世快递', nameEn: 'Best Express',
    aliases: ['百世', '百世快递', '百世汇通', '汇通', '汇通快递', 'Best', 'Best Express', 'HTKY', 'huitongkuaidi'],
    // Best's parcel business went to J&T in 2021; new parcels carry JT numbers. [HTF] 百世快递, a subset:
    // `([ABDE])[0-9]{12}`, `(5)[0-9]{13,14}`, `7[0-9]{13}`, `6[0-9]{13}` (the 14-digit 7… overlaps ZTO).
    patterns: [
      { regex: /^[ABDE]\d{12}$/, shape: 'A/B/D/E + 12 digits' },
      { regex: /^5\d{13,14}$/, shape: '14–15 digits starting 5' },
      { regex: /^[67]\d{13}$/, shape: '14 digits starting 6 or 7' },
    ],
  },
  tiantian: {
    id: 'tiantian', nameZh: '天天快递', nameEn: 'TTK Express',
    aliases: ['天天', '天天快递', 'TTK', 'TTK Express', 'HHTT'],
    // [HTF] 天天快递 (unanchored there). Reportedly wound down after Suning's 2019 takeover (unverified).
    patterns: [
      { regex: /^(?:66|77|88|55|56|58)\d{10}$/, shape: '12 digits' },
      { regex: /^99[58]\d{9}$/, shape: '12 digits starting 995 or 998' },
      { regex: /^TT(?:66|88|99|56|57)\d{11}$/, shape: 'TT + 13 digits' },
    ],
  },
};
