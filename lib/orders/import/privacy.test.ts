import { describe, expect, it } from 'vitest';
import { addressRegion, maskName, maskPhone } from './privacy';

const masked = { keepFull: false };
const full = { keepFull: true };

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['+86 138 1234 5678', '138****5678'],
    ['0571-88886666', '057*****6666'],
    ['88886666', '888***66'],
    ['12345', '*****'],
    ['138****5678', '138****5678'],
    ['*****5678', '*****5678'],
    ['#U2FsdGVkX1+abc==', '#U2FsdGVkX1+abc=='],
  ])('%j -> %j', (phone, expected) => {
    expect(maskPhone(phone, masked)).toBe(expected);
  });

  it('keeps the number when the merchant keeps personal data', () => {
    expect(maskPhone('13812345678', full)).toBe('13812345678');
  });
});

describe('maskName', () => {
  it.each([
    ['张三', '张*'],
    ['欧阳娜娜', '欧***'],
    ['john smith', 'j*********'],
    ['张', '*'],
    ['𠮷野家', '𠮷**'],
    ['张**', '张**'],
  ])('%j -> %j', (name, expected) => {
    expect(maskName(name, masked)).toBe(expected);
  });

  it('keeps the name when the merchant keeps personal data', () => {
    expect(maskName('欧阳娜娜', full)).toBe('欧阳娜娜');
  });
});

describe('addressRegion', () => {
  it.each([
    ['浙江省 杭州市 西湖区 文三路 90 号 华星大厦', '浙江省 杭州市 西湖区'],
    ['北京 北京市 朝阳区 建国路88号', '北京 北京市 朝阳区'],
    ['浙江省杭州市西湖区文三路90号', '浙江省杭州市西湖区'],
    ['北京市朝阳区建国路88号', '北京市朝阳区'],
    ['上海市浦东新区世纪大道100号', '上海市浦东新区'],
    ['广西壮族自治区南宁市青秀区民族大道1号', '广西壮族自治区南宁市青秀区'],
    ['内蒙古自治区 呼伦贝尔市 鄂温克族自治旗 巴彦托海镇', '内蒙古自治区 呼伦贝尔市 鄂温克族自治旗'],
    ['浙江省杭州市文三路90号', '浙江省杭州市'],
    ['410 Terry Ave N, Seattle, WA 98109, US', 'Seattle, WA, US'],
    ['文三路90号', ''],
    ['410 Terry Ave N', ''],
  ])('%j -> %j', (address, expected) => {
    expect(addressRegion(address, masked)).toBe(expected);
  });

  it('keeps the street when the merchant keeps personal data', () => {
    expect(addressRegion('浙江省杭州市西湖区文三路90号', full)).toBe('浙江省杭州市西湖区文三路90号');
  });
});
