import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeEvidenceText, parseChatLog } from './text';
import { UnreadableExhibit, type UnreadableReason } from './unreadable';

const QIANNIU_GBK = '2024-03-01 10:23:45 买家小明: 你好，这个订单什么时候发货？\n2024-03-01 10:24:01 店铺客服: 亲，今天下午发货哦\n快递是中通\n';

function reasonOf(read: () => unknown): UnreadableReason | 'none' {
  try {
    read();
    return 'none';
  } catch (error) {
    if (error instanceof UnreadableExhibit) return error.reason;
    throw error;
  }
}

describe('decodeEvidenceText', () => {
  it('reads a GBK chat log', () => {
    expect(decodeEvidenceText(iconv.encode(QIANNIU_GBK, 'gbk'))).toBe(QIANNIU_GBK);
  });

  it('reads UTF-8 and UTF-16 with a BOM, and turns CRLF into LF', () => {
    expect(decodeEvidenceText(Buffer.from('买家: 在吗\r\n客服: 在的', 'utf8'))).toBe('买家: 在吗\n客服: 在的');
    expect(decodeEvidenceText(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('拼多多 商家后台', 'utf-16le')]))).toBe('拼多多 商家后台');
  });

  it('rejects Shift_JIS, which would come out as rare-character GB18030 mojibake', () => {
    const japanese = iconv.encode('2024-03-01 10:23:45 お客様: こんにちは、注文の件でお問い合わせです。発送はいつになりますか？', 'shift_jis');
    expect(reasonOf(() => decodeEvidenceText(japanese))).toBe('encoding');
  });

  it('rejects kanji-only Shift_JIS and EUC-JP, but reads Chinese in traditional characters', () => {
    expect(reasonOf(() => decodeEvidenceText(iconv.encode('注文確認 発送予定日 東京都渋谷区 配送業者 佐川急便 問合番号', 'shift_jis')))).toBe('encoding');
    expect(reasonOf(() => decodeEvidenceText(iconv.encode('こんにちは、注文の件でお問い合わせです。発送はいつになりますか？', 'euc-jp')))).toBe('encoding');
    const traditional = '買家: 這個訂單什麼時候發貨？謝謝\n客服: 親，今天下午發貨哦';
    expect(decodeEvidenceText(iconv.encode(traditional, 'gbk'))).toBe(traditional);
  });

  it('rejects binary data', () => {
    const random = Uint8Array.from({ length: 4000 }, (_, i) => ((i * 7919 + 13) * 2654435761) >>> 16);
    expect(reasonOf(() => decodeEvidenceText(random))).toBe('encoding');
    const png = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n\0\0\0\rIHDR', 'latin1'), Buffer.alloc(200, 1)]);
    expect(reasonOf(() => decodeEvidenceText(png))).toBe('encoding');
  });

  it('judges control characters and U+FFFD by their share of the visible characters, at 1%', () => {
    // 200 visible characters among much white space (U+3000 and NBSP count as white space too).
    const body = `${'订单已发货'.repeat(40)}${' \n\t\u3000\u00a0'.repeat(400)}`;
    expect(reasonOf(() => decodeEvidenceText(Buffer.from(`${body}\u0001\u0002`, 'utf8')))).toBe('none');
    expect(reasonOf(() => decodeEvidenceText(Buffer.from(`${body}\u0001\u0002\u001f`, 'utf8')))).toBe('encoding');
    expect(reasonOf(() => decodeEvidenceText(Buffer.from(`${body}\ufffd\ufffd`, 'utf8')))).toBe('none');
    expect(reasonOf(() => decodeEvidenceText(Buffer.from(`${body}\ufffd\ufffd\ufffd`, 'utf8')))).toBe('encoding');
  });

  it('rejects blank files as empty', () => {
    expect(reasonOf(() => decodeEvidenceText(Buffer.from(' \r\n\t\n', 'utf8')))).toBe('empty');
    expect(reasonOf(() => decodeEvidenceText(new Uint8Array()))).toBe('empty');
    expect(reasonOf(() => decodeEvidenceText(Buffer.from('<html><body><br></body></html>', 'utf8')))).toBe('empty');
  });

  it('turns an HTML export into its visible text', () => {
    const html = `<!DOCTYPE html><html><head><title>t</title><style>p { color: red }</style></head>
      <body><script>var x = "<p>no</p>";</script>
        <div>2024-03-01 10:23:45 买家小明:&nbsp;有&lt;S码&gt;吗&#65311;</div>
        <div>2024-03-01 10:24:01 店铺客服: 有的<br>亲 &amp; 明天发</div>
      </body></html>`;
    expect(decodeEvidenceText(Buffer.from(html, 'utf8'))).toBe('2024-03-01 10:23:45 买家小明: 有<S码>吗？\n2024-03-01 10:24:01 店铺客服: 有的\n亲 & 明天发');
  });
});

describe('parseChatLog', () => {
  it('reads "time speaker: message" lines, continuation lines joining the message before', () => {
    expect(parseChatLog(QIANNIU_GBK)).toEqual([
      { time: '2024-03-01 10:23:45', speaker: '买家小明', text: '你好，这个订单什么时候发货？' },
      { time: '2024-03-01 10:24:01', speaker: '店铺客服', text: '亲，今天下午发货哦\n快递是中通' },
    ]);
  });

  it('reads "speaker time" headers with the message below, keeping its indentation', () => {
    const log = 'tb_buyer123 2024-03-01 10:23:45\n在吗？这个裙子有S码吗  \n\n旗舰店:小王 2024-03-01 10:24:02\n有的亲\n  已经为您备注\n\n京东咚咚客服(2024-03-02 09:00:00):\n您好';
    expect(parseChatLog(log)).toEqual([
      { time: '2024-03-01 10:23:45', speaker: 'tb_buyer123', text: '在吗？这个裙子有S码吗' },
      { time: '2024-03-01 10:24:02', speaker: '旗舰店:小王', text: '有的亲\n  已经为您备注' },
      { time: '2024-03-02 09:00:00', speaker: '京东咚咚客服', text: '您好' },
    ]);
  });

  it('reads bracketed times and full-width colons', () => {
    const log = '[2024/3/1 10:23] 客服小王：您好，请问有什么可以帮您？\n[2024/3/1 10:25] 买家：我要改地址：杭州市西湖区\n【2024/3/1 10:26】客服小王：好的';
    expect(parseChatLog(log)).toEqual([
      { time: '2024/3/1 10:23', speaker: '客服小王', text: '您好，请问有什么可以帮您？' },
      { time: '2024/3/1 10:25', speaker: '买家', text: '我要改地址：杭州市西湖区' },
      { time: '2024/3/1 10:26', speaker: '客服小王', text: '好的' },
    ]);
  });

  it('reads 年月日 headers with the message on the following lines', () => {
    const log = '2024年3月1日 10:23:45 店铺客服\n亲，已发货\n单号 SF1234567890\n2024年3月1日 10:30:02 买家阿花\n收到，谢谢';
    expect(parseChatLog(log)).toEqual([
      { time: '2024年3月1日 10:23:45', speaker: '店铺客服', text: '亲，已发货\n单号 SF1234567890' },
      { time: '2024年3月1日 10:30:02', speaker: '买家阿花', text: '收到，谢谢' },
    ]);
  });

  it('dates clock-only times by the day line above them, and keeps a preamble', () => {
    const log = '与 买家阿花 的聊天记录\n—— 2024-03-01 ——\n10:23:45 买家阿花\n在吗\n10:24:00 抖店飞鸽客服\n在的\n2024-03-02\n08:00 买家阿花\n到了';
    expect(parseChatLog(log)).toEqual([
      { time: '', speaker: '', text: '与 买家阿花 的聊天记录', header: true },
      { time: '2024-03-01 10:23:45', speaker: '买家阿花', text: '在吗' },
      { time: '2024-03-01 10:24:00', speaker: '抖店飞鸽客服', text: '在的' },
      { time: '2024-03-02 08:00', speaker: '买家阿花', text: '到了' },
    ]);
  });

  it('returns null for plain text and for a logistics trace', () => {
    const note = '情况说明\n本店于2024年3月1日 10:00 收到平台通知。\n涉及订单均为真实交易，买家均已签收。\n附件为聊天记录与物流凭证。';
    expect(parseChatLog(note)).toBeNull();
    const trace = '2024-03-01 10:23:45 【杭州市】快件已揽收\n2024-03-01 18:02:11 【杭州转运中心】已发出\n2024-03-02 09:40:00 【上海市】已签收';
    expect(parseChatLog(trace)).toBeNull();
    // One header among many lines is a note that quotes a time, not a chat.
    expect(parseChatLog('说明\n10:23 买家: 在吗\n第一点\n第二点\n第三点\n第四点')).toBeNull();
  });
});
