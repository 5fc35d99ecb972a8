import { describe, expect, it } from 'vitest';
import { parseTrackingHistory, shippedEvent, signedEvent, type TrackingEvent } from './tracking-history';

const NOW = new Date('2026-11-20T04:00:00Z');
const utc = (events: TrackingEvent[]) => events.map((e) => e.at.toISOString());
const texts = (events: TrackingEvent[]) => events.map((e) => e.text);

const NEWEST_FIRST = [
  '2026-11-12 14:03:21 【杭州市】快件已由 西湖区文三路驿站 代收',
  '2026-11-12 08:10:00 【杭州市】西湖区派件员 张三 正在为您派件，请准备签收',
  '2026-11-10 18:22:05 【义乌市】中通快递 义乌分部 已揽收',
];

describe('parseTrackingHistory: line formats', () => {
  it('reads dash dates as China time, oldest first, with the 【location】', () => {
    const { events, undated } = parseTrackingHistory(NEWEST_FIRST.join('\n'), NOW);
    expect(utc(events)).toEqual(['2026-11-10T10:22:05.000Z', '2026-11-12T00:10:00.000Z', '2026-11-12T06:03:21.000Z']);
    expect(events[0]).toEqual({ at: new Date('2026-11-10T10:22:05Z'), text: '【义乌市】中通快递 义乌分部 已揽收', location: '义乌市' });
    expect(undated).toEqual([]);
  });

  it('gives the same events for oldest-first input', () => {
    const oldestFirst = parseTrackingHistory([...NEWEST_FIRST].reverse().join('\r\n'), NOW);
    expect(oldestFirst).toEqual(parseTrackingHistory(NEWEST_FIRST.join('\n'), NOW));
  });

  it.each([
    ['2026.11.12 14:03 快件已签收', '2026-11-12T06:03:00.000Z'],
    ['2026/11/12 14:03:21 快件已签收', '2026-11-12T06:03:21.000Z'],
    ['2026年11月12日 14:03:21 快件已签收', '2026-11-12T06:03:21.000Z'],
    ['2026年11月12日14:03 快件已签收', '2026-11-12T06:03:00.000Z'],
    ['11-12 14:03 快件已签收', '2026-11-12T06:03:00.000Z'],
    ['２０２６－１１－１２　１４：０３：２１　快件已签收', '2026-11-12T06:03:21.000Z'],
    ['2026-11-12T14:03:21+09:00 快件已签收', '2026-11-12T05:03:21.000Z'],
    ['2026-11-12 06:03:21 UTC+0 快件已签收', '2026-11-12T06:03:21.000Z'],
  ])('%s', (line, iso) => {
    const { events } = parseTrackingHistory(line, NOW);
    expect(utc(events)).toEqual([iso]);
    expect(texts(events)).toEqual(['快件已签收']);
  });

  it('pairs a date line with the text line under it', () => {
    const text = ['2026-11-12 14:03:21', '【杭州市】快件已签收', '2026-11-11 09:00:00', '【杭州市】快件到达 杭州转运中心'].join('\n');
    const { events } = parseTrackingHistory(text, NOW);
    expect(texts(events)).toEqual(['【杭州市】快件到达 杭州转运中心', '【杭州市】快件已签收']);
    expect(events.map((e) => e.location)).toEqual(['杭州市', '杭州市']);
  });

  it('applies a day header to the time-only lines below it', () => {
    const text = ['2026-11-12 周四', '14:03 已签收', '09:10 【杭州市】快件派送中', '2026-11-11 星期三', '22:00 到达杭州'].join('\n');
    const { events } = parseTrackingHistory(text, NOW);
    expect(utc(events)).toEqual(['2026-11-11T14:00:00.000Z', '2026-11-12T01:10:00.000Z', '2026-11-12T06:03:00.000Z']);
  });
});

describe('parseTrackingHistory: years', () => {
  it('puts December lines before January ones when the year is missing', () => {
    const text = ['12-30 09:00 【广州市】已揽收', '12-31 20:00 【上海市】到达上海转运中心', '01-02 10:00 【上海市】已签收'].join('\n');
    const { events } = parseTrackingHistory(text, new Date('2027-01-05T00:00:00Z'));
    expect(utc(events)).toEqual(['2026-12-30T01:00:00.000Z', '2026-12-31T12:00:00.000Z', '2027-01-02T02:00:00.000Z']);
  });

  it('takes the year from a dated line before the current year', () => {
    const text = ['2026-12-31 20:00 到达上海', '01-01 09:00 派送中'].join('\n');
    const { events } = parseTrackingHistory(text, new Date('2028-03-01T00:00:00Z'));
    expect(utc(events)).toEqual(['2026-12-31T12:00:00.000Z', '2027-01-01T01:00:00.000Z']);
  });

  it('never dates a yearless line more than a day after now', () => {
    const { events } = parseTrackingHistory('11-25 10:00 揽收', NOW);
    expect(utc(events)).toEqual(['2025-11-25T02:00:00.000Z']);
  });
});

describe('parseTrackingHistory: lines without a date', () => {
  it('joins wrapped text and sets status headers and buttons aside', () => {
    const text = [
      '物流信息 中通快递 73610555582883',
      '2026-11-12 14:03:21 【杭州市】快件已由 西湖区文三路驿站 代收，',
      '如有疑问请联系 0571-88888888',
      '已签收',
      '2026-11-12 08:10:00 【杭州市】派件中。',
      '温馨提示：请及时取件',
      '2026-13-45 10:00 不是日期',
      '复制',
    ].join('\n');
    const { events, undated } = parseTrackingHistory(text, NOW);
    expect(texts(events)).toEqual(['【杭州市】派件中。', '【杭州市】快件已由 西湖区文三路驿站 代收，如有疑问请联系 0571-88888888']);
    expect(undated).toEqual(['物流信息 中通快递 73610555582883', '已签收', '温馨提示：请及时取件', '2026-13-45 10:00 不是日期', '复制']);
  });

  it('returns nothing for empty input', () => {
    expect(parseTrackingHistory(' \n\n', NOW)).toEqual({ events: [], undated: [] });
  });
});

describe('signedEvent and shippedEvent', () => {
  const { events } = parseTrackingHistory(NEWEST_FIRST.join('\n'), NOW);

  it('finds the sign-off, not the "please get ready to sign" dispatch before it', () => {
    expect(signedEvent(events)?.text).toBe('【杭州市】快件已由 西湖区文三路驿站 代收');
    expect(shippedEvent(events)?.text).toBe('【义乌市】中通快递 义乌分部 已揽收');
  });

  const at = (iso: string, text: string): TrackingEvent => ({ at: new Date(iso), text });

  it('takes the earliest sign-off and skips refusals and returns', () => {
    const list = [
      at('2026-11-14T00:00:00Z', '已签收，签收人：本人'),
      at('2026-11-12T00:00:00Z', '快件已被 菜鸟驿站 代收'),
      at('2026-11-11T00:00:00Z', '收件人拒收，快件退回'),
    ];
    expect(signedEvent(list)?.text).toBe('快件已被 菜鸟驿站 代收');
    expect(signedEvent([at('2026-11-11T00:00:00Z', '已拒收'), at('2026-11-12T00:00:00Z', '派送中，请签收')])).toBeNull();
    expect(signedEvent([at('2026-11-12T00:00:00Z', 'Delivered to front door')])?.text).toBe('Delivered to front door');
    expect(signedEvent([at('2026-11-12T00:00:00Z', 'Out for delivery')])).toBeNull();
  });

  it('recognises pick-up wording but not the recipient in a sign-off', () => {
    expect(shippedEvent([at('2026-11-10T00:00:00Z', '快件已被 中通 收件')])).not.toBeNull();
    expect(shippedEvent([at('2026-11-10T00:00:00Z', '【义乌市】已揽件')])).not.toBeNull();
    expect(shippedEvent([at('2026-11-10T00:00:00Z', 'Picked up by courier')])).not.toBeNull();
    expect(shippedEvent([at('2026-11-12T00:00:00Z', '已签收，收件人：本人')])).toBeNull();
    expect(shippedEvent([at('2026-11-09T00:00:00Z', '商家已发货，待揽收')])).toBeNull();
    expect(shippedEvent([])).toBeNull();
  });
});
