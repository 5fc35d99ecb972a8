/**
 * Mainland provinces, municipalities, autonomous regions and SARs by their short names, as
 * addresses in platform exports begin ("浙江省 杭州市 …", "广西壮族自治区南宁市…", "北京 北京市 …").
 */
export const PROVINCES = [
  '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南', '湖北',
  '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '台湾', '内蒙古', '广西', '西藏', '宁夏', '新疆', '香港', '澳门',
] as const;
export type Province = (typeof PROVINCES)[number];

/** The province an address starts with, or null (foreign or unrecognised addresses). */
export function provinceOf(address: string | undefined): Province | null {
  const text = address?.normalize('NFKC').trim() ?? '';
  return PROVINCES.find((p) => text.startsWith(p)) ?? null;
}

export function isProvince(value: string): value is Province {
  return (PROVINCES as readonly string[]).includes(value);
}
