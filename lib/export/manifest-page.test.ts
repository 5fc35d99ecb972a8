import { describe, expect, it } from 'vitest';
import { DOCUMENT_MESSAGES } from '@/lib/i18n/document-messages';
import { sizeParts, typeName } from './manifest-page';
import type { Exhibit } from './collect';

type Typed = Pick<Exhibit, 'kind' | 'mime' | 'category'>;

const types = (language: 'zh-CN' | 'en') => (key: string) => (DOCUMENT_MESSAGES[language].bundle.appendix.types as Record<string, string>)[key] ?? `?${key}`;

describe('typeName', () => {
  it('names each kind for a reader, in both languages', () => {
    const xlsx: Typed = { kind: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', category: 'invoice' };
    expect(typeName(xlsx, types('zh-CN'))).toBe('Excel 表格');
    expect(typeName(xlsx, types('en'))).toBe('Excel workbook');
    expect(typeName({ kind: 'jpeg', mime: 'image/jpeg', category: 'logistics' } satisfies Typed, types('zh-CN'))).toBe('JPEG 照片');
  });

  it('calls a text file filed as a chat log a chat log, and any other text file text', () => {
    expect(typeName({ kind: 'text', mime: 'text/plain', category: 'chat' } satisfies Typed, types('zh-CN'))).toBe('聊天记录');
    expect(typeName({ kind: 'text', mime: 'text/plain', category: 'other' } satisfies Typed, types('zh-CN'))).toBe('文本');
  });

  it('keeps the MIME type of a kind it does not know rather than guess', () => {
    expect(typeName({ kind: 'heic', mime: 'image/heic', category: 'other' } satisfies Typed, types('zh-CN'))).toBe('image/heic');
  });

  it('has a name for every kind the app accepts', async () => {
    const { KINDS } = await import('@/lib/evidence/inspect/file-kind');
    for (const kind of Object.keys(KINDS)) for (const language of ['zh-CN', 'en'] as const) expect(types(language)(kind)).not.toMatch(/^\?/);
  });
});

describe('sizeParts', () => {
  it('splits a size into a number and its unit', () => {
    expect(sizeParts(355)).toEqual(['355', 'B']);
    expect(sizeParts(2150)).toEqual(['2.1', 'KB']);
    expect(sizeParts(5 * 1024 * 1024)).toEqual(['5.0', 'MB']);
  });
});
