import { describe, expect, it } from 'vitest';
import { provinceOf } from './province';

describe('provinceOf', () => {
  it.each([
    ['浙江省 杭州市 西湖区', '浙江'],
    ['广西壮族自治区南宁市青秀区', '广西'],
    ['北京 北京市 朝阳区', '北京'],
    ['内蒙古自治区 呼和浩特市', '内蒙古'],
    ['黑龙江省哈尔滨市', '黑龙江'],
  ])('reads %s as %s', (address, province) => expect(provinceOf(address)).toBe(province));

  it('answers null for foreign or missing addresses', () => {
    expect(provinceOf('Seattle, WA, US')).toBeNull();
    expect(provinceOf(undefined)).toBeNull();
  });
});
