import { describe, expect, it } from 'vitest';
import { parseChatLog, type ChatMessage } from './chat-log';

const said = (messages: ChatMessage[] | null) => messages?.filter((m) => !m.header).map((m) => [m.speaker, m.text]);
const headers = (messages: ChatMessage[] | null) => messages?.filter((m) => m.header).map((m) => m.text);

describe('parseChatLog on the line shapes of real exports', () => {
  it('keeps a 千牛 sub-account name whole in "time name: message" lines (the first colon cut it)', () => {
    const log = [
      '2026-11-11 20:01:02 小雨点: 在吗？',
      '2026-11-11 20:01:10 tb_店小二:客服A: 亲，在的',
      '2026-11-11 20:01:30 小雨点: 到货时间:明天能到吗',
      '2026-11-11 20:02:00 tb_店小二:客服A: 可以的：顺丰次日达',
      '2026-11-11 20:02:09 tb_店小二:客服A:好的',
    ].join('\n');
    expect(said(parseChatLog(log))).toEqual([
      ['小雨点', '在吗？'],
      ['tb_店小二:客服A', '亲，在的'],
      ['小雨点', '到货时间:明天能到吗'],
      ['tb_店小二:客服A', '可以的：顺丰次日达'],
      ['tb_店小二:客服A', '好的'],
    ]);
  });

  it('reads 千牛 "name time" lines with the message below, the name holding a colon', () => {
    const log = '聊天记录导出\n导出时间：2026-11-12 09:00:00\n\ntb_店小二:客服A 2026-11-11 20:01:02\n亲，在的\n小雨点 2026-11-11 20:01:30\n发什么快递：顺丰吗？\n';
    const messages = parseChatLog(log);
    expect(headers(messages)).toEqual(['聊天记录导出', '导出时间：2026-11-12 09:00:00']);
    expect(said(messages)).toEqual([
      ['tb_店小二:客服A', '亲，在的'],
      ['小雨点', '发什么快递：顺丰吗？'],
    ]);
  });

  it('reads WeChat-style "time name" lines with the message below, and "name  time" lines', () => {
    const wechat = '2026-11-11 20:01:02 tb_店小二:客服A\n亲，在的\n2026-11-11 20:01:30 小雨点\n好的，谢谢\n';
    expect(said(parseChatLog(wechat))).toEqual([
      ['tb_店小二:客服A', '亲，在的'],
      ['小雨点', '好的，谢谢'],
    ]);
    const short = '—— 2026-11-11 ——\n小雨点  20:01\n在吗\n店小二  20:02\n在的\n';
    expect(parseChatLog(short)?.map((m) => [m.time, m.speaker, m.text])).toEqual([
      ['2026-11-11 20:01', '小雨点', '在吗'],
      ['2026-11-11 20:02', '店小二', '在的'],
    ]);
  });

  it('reads JD 咚咚 and 抖店飞鸽 copies, with the export header shown as a header', () => {
    const jd = '===== 京东咚咚聊天记录 =====\n会话对象：jd_8f3a2c\n共 4 条消息\n\njd_8f3a2c 2026-11-11 20:01:02\n发票开了吗\n小明数码京东自营:客服02 2026-11-11 20:01:40\n已开具，请查收邮箱\n';
    const messages = parseChatLog(jd);
    expect(headers(messages)).toEqual(['===== 京东咚咚聊天记录 =====', '会话对象：jd_8f3a2c', '共 4 条消息']);
    expect(said(messages)).toEqual([
      ['jd_8f3a2c', '发票开了吗'],
      ['小明数码京东自营:客服02', '已开具，请查收邮箱'],
    ]);
    const feige = '[2026-11-11 20:01:02] 买家阿强：到了吗\n[2026-11-11 20:01:40] 小明数码抖店-客服小王：已签收了亲\n';
    expect(said(parseChatLog(feige))).toEqual([
      ['买家阿强', '到了吗'],
      ['小明数码抖店-客服小王', '已签收了亲'],
    ]);
  });

  it('reads "name / time / message" copied from a web chat (抖店飞鸽, 拼多多)', () => {
    const log = '买家阿强\n2026-11-11 20:01:02\n到了吗？\n我在公司\n小明数码抖店:客服小王\n2026-11-11 20:01:40\n已签收了亲\n';
    expect(parseChatLog(log)?.map((m) => [m.time, m.speaker, m.text])).toEqual([
      ['2026-11-11 20:01:02', '买家阿强', '到了吗？\n我在公司'],
      ['2026-11-11 20:01:40', '小明数码抖店:客服小王', '已签收了亲'],
    ]);
  });

  it('never makes an export line a message, even one shaped like "name time"', () => {
    const log = '导出时间 2026-11-12 09:00:00\n导出账号: tb_店小二:客服A\n--------------------\n2026-11-11 20:01:02 小雨点: 在吗\n2026-11-11 20:01:10 客服A: 在的\n';
    const messages = parseChatLog(log);
    expect(headers(messages)).toEqual(['导出时间 2026-11-12 09:00:00', '导出账号: tb_店小二:客服A', '--------------------']);
    expect(said(messages)).toEqual([
      ['小雨点', '在吗'],
      ['客服A', '在的'],
    ]);
  });

  it('leaves "聊天记录" inside a message where it is, and does not join a repeated reply into the name', () => {
    const log = '2026-11-11 20:01:02 小雨点:好的\n2026-11-11 20:01:10 客服:你看下聊天记录\n聊天记录\n2026-11-11 20:01:30 小雨点:好的\n';
    expect(said(parseChatLog(log))).toEqual([
      ['小雨点', '好的'],
      ['客服', '你看下聊天记录\n聊天记录'],
      ['小雨点', '好的'],
    ]);
  });
});
