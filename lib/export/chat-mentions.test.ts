import { describe, expect, it } from 'vitest';
import type { ChatMessage } from './exhibits/chat-log';
import { chatMentions } from './chat-mentions';
import type { Exhibit } from './collect';
import type { Prepared } from './prepare';

const said = (text: string, speaker = '小雨点'): ChatMessage => ({ time: '2026-11-10 09:12', speaker, text });

function chat(exhibitId: string, messages: ChatMessage[], category: Exhibit['category'] = 'chat'): Prepared {
  return { exhibit: { exhibitId, category } as Exhibit, content: { kind: 'chat', messages }, estimate: 0, volume: 1 };
}

describe('chatMentions', () => {
  it('finds an order by its number or its waybill as whole tokens, once a line, in log order', () => {
    const logs = [
      chat('C-001', [said('你好'), said('订单号4012345678901234567怎么还没发？'), said('运单 sf1234567890123 查不到\n订单 4012345678901234567 和运单SF1234567890123 是一单')]),
      chat('C-002', [said('40123456789012345671 是另一单'), said('4012345678901234567')]),
    ];
    const found = chatMentions([{ orderNo: '4012345678901234567', trackingNo: 'SF1234567890123' }], logs).get('4012345678901234567');
    expect(found?.total).toBe(4);
    expect(found?.shown.map((m) => [m.exhibitId, m.message, m.line])).toEqual([
      ['C-001', 1, '订单号4012345678901234567怎么还没发？'],
      ['C-001', 2, '运单 sf1234567890123 查不到'],
      ['C-001', 2, '订单 4012345678901234567 和运单SF1234567890123 是一单'],
      ['C-002', 1, '4012345678901234567'],
    ]);
  });

  it('keeps Amazon’s dashed order numbers whole and reads only chat exhibits', () => {
    const logs = [chat('C-001', [said('Order 112-1234567-7654321 arrived'), said('112-1234567 only')]), chat('B-001', [said('112-1234567-7654321')], 'invoice')];
    const found = chatMentions([{ orderNo: '112-1234567-7654321', trackingNo: '' }], logs).get('112-1234567-7654321');
    expect(found?.shown.map((m) => m.message)).toEqual([0]);
  });

  it('shows the first lines up to the limit and counts the rest; an order nobody mentions has none', () => {
    const logs = [chat('C-001', Array.from({ length: 25 }, (_, i) => said(`第${i}次催单 4012345678901234567`)))];
    const result = chatMentions([{ orderNo: '4012345678901234567', trackingNo: '' }, { orderNo: '4012345678901234568', trackingNo: '' }], logs, 10);
    expect(result.get('4012345678901234567')).toMatchObject({ total: 25 });
    expect(result.get('4012345678901234567')?.shown).toHaveLength(10);
    expect(result.get('4012345678901234568')).toEqual({ shown: [], total: 0 });
  });

  it('shares a waybill’s lines between the orders shipped on it', () => {
    const logs = [chat('C-001', [said('两单合并发出，运单SF1234567890123')])];
    const result = chatMentions(['4012345678901234567', '4012345678901234568'].map((orderNo) => ({ orderNo, trackingNo: 'SF1234567890123' })), logs);
    expect([...result.values()].map((m) => m.total)).toEqual([1, 1]);
  });
});
