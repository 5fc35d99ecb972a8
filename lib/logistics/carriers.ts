/**
 * Chinese carriers: names, the spellings platform exports use, and tracking-number shapes.
 * Domestic carriers publish no numbering rules (their tracking pages accept any length), so every
 * pattern names where it was read: the UPU S10 standard is the one published rule; the rest come
 * from open-source validation tables, or are marked "observed" where only public order data and
 * sample numbers support them. Numbering changes without notice, so a number that fits no pattern
 * is an informational note, never proof of a fake. Sources:
 *   [S10] UPU standard S10 (published), as written out in jkeen/tracking_number_data couriers/s10.json
 *         and CHECKSUM_ALGORITHMS.md
 *   [CV]  BF-zh/Courier-Validation src/pattern/*.ts (npm courier-validation, 2024)
 *   [HTF] phillip2019/hive-third-functions src/main/java/com/chinagoods/bigdata/functions/logistic/UDFLogisticNoValid.java (2022)
 *   [OBS] observed in public order data and sample numbers, not in any rule table: uncertain
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
  /** Where the pattern comes from: [S10], [CV], [HTF] or [OBS] (see above), with the detail. */
  source: string;
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
      { regex: /^SF[0-9A-Z]\d{12}$/, shape: 'SF + 13 characters', source: '[CV] SF.ts `^SF[a-z0-9]\d{12}$`, sample SF1385628716739; no public check digit' },
      // Overlaps other carriers' 12-digit numbers, hence useless for detection but needed to not warn.
      { regex: /^\d{12}$/, shape: '12 digits (older waybills)', source: '[HTF] comment "12位"; [OBS] still printed on SF labels' },
    ],
  },
  zto: {
    id: 'zto', nameZh: '中通快递', nameEn: 'ZTO Express',
    aliases: ['中通', '中通快递', '中通速递', 'ZTO', 'ZTO Express', 'zhongtong'],
    // 中通快运 is a different company with its own numbering: not an alias.
    patterns: [
      { regex: /^7[3-68]\d{12}$/, shape: '14 digits starting 73–76 or 78', source: '[CV] ZTO.ts `^7[3-68]\d{12}$`; [HTF] sample 78636098066239' },
      {
        regex: /^(?:010|100|118|128|200|205|358|359|518|528|618|628|660|680|688|689|701|717|718|719|728|731|738|751|757|761|762|763|765|768|773|778|779|786|805|828|852|880|988)\d{11}$/,
        shape: '14 digits (older prefixes)',
        source: '[HTF] 中通快递, 3-digit prefixes + 11 digits',
      },
      {
        regex: /^(?:(?:5711|2008|2009|2010|2013)\d{8}|(?:91|92|93|94|95|98|36|68|39|50|53|37|54|55|56|63|64|72|90)\d{10}|4\d{11}|(?:120|780|881|882|885|960|665|666)\d{9}|2[1-9]\d{10})$/,
        shape: '12 digits (older waybills)',
        source: '[HTF] 中通快递, the 12-digit alternatives',
      },
    ],
  },
  yto: {
    id: 'yto', nameZh: '圆通速递', nameEn: 'YTO Express',
    aliases: ['圆通', '圆通速递', '圆通快递', 'YTO', 'YTO Express', 'yuantong'],
    patterns: [
      // Exactly 13 digits: YunExpress (云途) uses YT + 16.
      { regex: /^YT\d{13}$/, shape: 'YT + 13 digits', source: '[CV] YTO.ts `^YT\d{13}$`, sample YT8962646785389' },
      { regex: /^YT\d{10,12}$/, shape: 'YT + 10–12 digits (older)', source: '[HTF] 圆通速递 `^[A-Za-z0-9]{2}[0-9]{10,13}$`, narrowed to the YT prefix' },
    ],
  },
  sto: {
    id: 'sto', nameZh: '申通快递', nameEn: 'STO Express',
    aliases: ['申通', '申通快递', '申通E物流', 'STO', 'STO Express', 'shentong'],
    patterns: [
      // [CV]'s 43 prefix clashes with Yunda and is not confirmed elsewhere, so it is left out.
      { regex: /^77\d{13}$/, shape: '15 digits starting 77', source: '[CV] STO.ts `^(77|43)\d{12,15}$`, sample 773277027280336; [HTF] `^(77)[0-9]{13}$`' },
      { regex: /^(?:88|99)\d{13}$/, shape: '15 digits starting 88 or 99', source: '[HTF] `^(88)[0-9]{13}$|^(99)[0-9]{13}$`, uncertain' },
      {
        regex: /^(?:(?:11|22|40)\d{10}|(?:268|368|468|568|588|668|688|768|868|888|968)\d{9,10}|(?:33|55|66)\d{11}|4\d{12}|STO\d{10})$/,
        shape: '12–13 digits (older waybills)',
        source: '[HTF] 申通快递, the 12- and 13-character alternatives',
      },
    ],
  },
  yunda: {
    id: 'yunda', nameZh: '韵达快递', nameEn: 'Yunda Express',
    aliases: ['韵达', '韵达快递', '韵达速递', 'Yunda', 'Yunda Express', 'YD'],
    patterns: [
      { regex: /^[34]\d{14}$/, shape: '15 digits starting 3 or 4', source: '[CV] YUNDA.ts `^[34]\d{14}$`, sample 463431409940372' },
      {
        regex: /^(?:1[0-9]|50|55|58|66|77|80|88)\d{13}$/,
        shape: '15 digits (other prefixes)',
        source: '[HTF] 韵达快递 `^(10|…|39)[0-9]{13}$`, prefixes not already covered',
      },
      // [HTF] accepts any 13 digits; leading 1–5 is our narrowing (5… is [CV]'s rule, sample 5301156237108).
      { regex: /^[1-5]\d{12}$/, shape: '13 digits starting 1–5', source: '[CV] YUNDA.ts `^5\d{12}$`; [HTF] any 13 digits' },
    ],
  },
  jd: {
    id: 'jd', nameZh: '京东物流', nameEn: 'JD Logistics',
    aliases: ['京东', '京东物流', '京东快递', '京东配送', 'JD', 'JDL', 'JD Logistics', 'jingdong'],
    patterns: [
      // Covers JDX + 12 digits, JDV[A-F] + 11 and JDK…, [HTF]'s `^JD[XK]\d{12}$|^JDV[A-Z]\d{11}$`.
      { regex: /^JD[0-9A-Z]{2}\d{11}$/, shape: 'JD + 13 characters', source: '[CV] JD.ts `^JD[a-z0-9]{2}\d{11}$`, sample JDX024407261700' },
      // Multi-parcel waybills are printed JDVA01234567890-1-2- (parcel 1 of 2); dashes are dropped
      // before matching, which leaves the two counters behind the number.
      { regex: /^JD[0-9A-Z]{2}\d{13,17}$/, shape: 'JD + 13 characters + parcel counters', source: '[OBS] "-1-1-" parcel suffix in JD exports' },
    ],
  },
  'china-post': {
    id: 'china-post', nameZh: '中国邮政', nameEn: 'China Post / EMS',
    aliases: [
      '中国邮政', '邮政', '邮政快递包裹', '邮政包裹', '邮政EMS', '邮政标准快递', '邮政电商标快', 'EMS', 'EMS快递',
      'EMS经济快递', 'EMS标准快递', '中国邮政速递物流', 'China Post', 'YZPY', 'POSTB', 'youzhengguonei',
    ],
    patterns: [
      {
        regex: /^[1589]\d{12}$/,
        shape: '13 digits starting 1, 5, 8 or 9',
        source: '[CV] EMS.ts `^[981]\d{12}$`; [HTF] EMS `^(10|11|12|50|51|52|95|97|98|99)\d{11}$`; union of the leading digits',
      },
      { regex: /^P[A-Z]\d{11}$/, shape: 'P + letter + 11 digits', source: '[CV] EMS.ts `^P[a-z]\d{11}$`, uncertain' },
      { regex: /^[GAKQPH]{2}\d{9}(?:1[1-9]|[2-5]\d|6[0-5])$/, shape: '2 letters + 11 digits', source: '[HTF] 邮政快递包裹 (province code 11–65), uncertain' },
      // Only CN is China Post; the check digit is the published part.
      { regex: /^[A-Z]{2}\d{9}CN$/, shape: '2 letters + 9 digits + CN', checksum: 's10', source: '[S10] UPU S10 with its check digit' },
    ],
  },
  jt: {
    id: 'jt', nameZh: '极兔速递', nameEn: 'J&T Express',
    aliases: ['极兔', '极兔速递', '极兔快递', 'J&T', 'J&T Express', 'JT', 'JTSD', 'jtexpress'],
    patterns: [
      { regex: /^JT\d{13}$/, shape: 'JT + 13 digits', source: '[CV] JT.ts `^JT\d{13}$`, sample JT5261988016578' },
      { regex: /^JT\d{12}$/, shape: 'JT + 12 digits', source: '[HTF] 极兔速递 `^JT[0-9]{12,13}$`, unsampled' },
    ],
  },
  deppon: {
    id: 'deppon', nameZh: '德邦快递', nameEn: 'Deppon Express',
    aliases: ['德邦', '德邦快递', '德邦物流', '德邦快运', 'Deppon', 'DBL', 'DPK', 'debangwuliu', 'debangkuaidi'],
    patterns: [
      { regex: /^DPK\d{12}$/, shape: 'DPK + 12 digits', source: '[CV] DPK.ts `^DPK\d{12}$`, sample DPK202252612836; [HTF] sample DPK364112047425' },
      { regex: /^\d{8,10}$/, shape: '8–10 digits (older waybills)', source: '[HTF] `^[0-9]{8,10}$` ("8-9位")' },
    ],
  },
  cainiao: {
    id: 'cainiao', nameZh: '菜鸟速递', nameEn: 'Cainiao',
    aliases: ['菜鸟', '菜鸟速递', '菜鸟快递', '菜鸟直送', '丹鸟', '丹鸟快递', 'Cainiao', 'CNSD'],
    patterns: [
      { regex: /^621\d{12}$/, shape: '15 digits starting 621', source: '[CV] CN.ts `^621\d{12}$`; no sample, uncertain' },
      { regex: /^LP\d{14}$/, shape: 'LP + 14 digits', source: '[OBS] cross-border LP numbers; no rule table, uncertain' },
    ],
  },
  best: {
    id: 'best', nameZh: '百世快递', nameEn: 'Best Express',
    aliases: ['百世', '百世快递', '百世汇通', '汇通', '汇通快递', 'Best', 'Best Express', 'HTKY', 'huitongkuaidi'],
    // Best's parcel business went to J&T in 2021; new parcels carry JT numbers, old ones remain in exports.
    patterns: [
      { regex: /^[ABDE]\d{12}$/, shape: 'A/B/D/E + 12 digits', source: '[HTF] 百世快递 `([ABDE])[0-9]{12}`' },
      { regex: /^(?:5\d{13,14}|58\d{14})$/, shape: '14–16 digits starting 5', source: '[HTF] 百世快递 `(50|51)[0-9]{12}`, `58[0-9]{14}`; [CV]-era 5 + 13–14' },
      // The 14-digit 7… overlaps ZTO.
      { regex: /^[67]\d{13}$/, shape: '14 digits starting 6 or 7', source: '[HTF] 百世快递 `7[0-9]{13}`, `6[0-9]{13}`' },
      { regex: /^(?:2\d|3\d|61|63)\d{10}$/, shape: '12 digits', source: '[HTF] 百世快递 `(21|…|39|61|63)[0-9]{10}`' },
      { regex: /^(?:BXA\d{10}|K8\d{11}|02\d{11}|000\d{10}|C0000\d{8})$/, shape: '13 characters (BXA, K8, 02, 000, C0000)', source: '[HTF] 百世快递' },
    ],
  },
  tiantian: {
    id: 'tiantian', nameZh: '天天快递', nameEn: 'TTK Express',
    aliases: ['天天', '天天快递', 'TTK', 'TTK Express', 'HHTT'],
    // Reportedly wound down after Suning's 2019 takeover (unverified).
    patterns: [
      { regex: /^(?:66|77|88|55|56|58)\d{10}$/, shape: '12 digits', source: '[HTF] 天天快递 (unanchored there)' },
      { regex: /^99[58]\d{9}$/, shape: '12 digits starting 995 or 998', source: '[HTF] 天天快递' },
      { regex: /^TT(?:66|88|99|56|57)\d{11}$/, shape: 'TT + 13 digits', source: '[HTF] 天天快递' },
    ],
  },
};
