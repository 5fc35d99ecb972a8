import { describe, expect, it } from 'vitest';
import { contactKey, isHiddenValue, phoneKey } from './contact-value';

describe('isHiddenValue', () => {
  it.each([
    '138****5678', '张*', '****', '***', '＊＊＊', '138●●●●5678', '加密', '[已加密]', '隐私保护', '已隐藏', '未知', '无', 'N/A', 'null', '-',
    // Pinduoduo / Douyin ciphertexts as their open platforms return them.
    '$189$AAAAAADkt0gJgFdp5xLPYg8vGhYcx174rbTSA6WaxqQ=$2$',
    '~AgAAAADKjN8Fxyy8TAA2GT4semn+oppvkOnDgjwueuQ=~vXhtOs+oximw~2~~',
    '#ubkI#AgAAAAHp3pYKV/+PkQCrnxgFMHoKK8CdXe7uNABefSpPlXNL1rQMSD1RJahmGDLi#4##',
    // A bare base64 token (ERP exports of encrypted fields).
    'U2FsdGVkX1+9fQ3k7tqzJm0aV8cXr2bN',
  ])('hides %s', (value) => {
    expect(isHiddenValue(value)).toBe(true);
  });

  it.each(['13800001234', '223.104.1.1', '2409:8a00::1', '浙江省杭州市西湖区文三路8号', '1600 Amphitheatre Pkwy, Mountain View, CA', 'Room 5A, 8 Wensan Road'])(
    'keeps %s',
    (value) => {
      expect(isHiddenValue(value)).toBe(false);
    },
  );
});

describe('phoneKey', () => {
  it('reads the digits, drops +86, keeps a virtual number with its extension apart', () => {
    expect(phoneKey('+86 138-0000-1234')).toBe('13800001234');
    expect(phoneKey('008613800001234')).toBe('13800001234');
    expect(phoneKey('0571-88881234')).toBe('057188881234');
    expect(phoneKey('17012345678转1234')).toBe('17012345678-1234');
    expect(phoneKey('17012345678转1234')).not.toBe(phoneKey('17012345678转5678'));
  });

  it('is unknown for masks, letters and impossible lengths', () => {
    for (const v of ['138****1234', '138xxxx1234', 'abc', '12345', '1234567890123456', undefined]) expect(phoneKey(v), String(v)).toBeUndefined();
  });
});

describe('contactKey', () => {
  it('normalises addresses and IPs, and hides masked ones', () => {
    expect(contactKey('address', ' 浙江省 杭州市 文三路８号 ')).toBe('浙江省杭州市文三路8号');
    expect(contactKey('ip', '223.104.*.*')).toBeUndefined();
  });
});
