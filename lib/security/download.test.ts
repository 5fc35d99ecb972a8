import { describe, expect, it } from 'vitest';
import { downloadHeaders, servedContentType } from './download';

describe('servedContentType', () => {
  it('serves anything a browser could run as a document as opaque bytes', () => {
    for (const mime of ['text/html', 'TEXT/HTML; charset=utf-8', 'application/xhtml+xml', 'image/svg+xml', 'text/xml', 'application/xml', 'text/javascript', 'application/javascript', 'text/xsl', 'application/x-unknown', '']) {
      expect(servedContentType(mime), mime).toBe('application/octet-stream');
    }
  });

  it('keeps the type of files shown only as data, so they open in the right program', () => {
    expect(servedContentType('image/png')).toBe('image/png');
    expect(servedContentType('image/heic')).toBe('image/heic');
    expect(servedContentType('application/pdf')).toBe('application/pdf');
    expect(servedContentType('video/mp4')).toBe('video/mp4');
    expect(servedContentType('video/quicktime')).toBe('video/quicktime');
    expect(servedContentType('text/plain; charset=utf-8')).toBe('text/plain');
    expect(servedContentType('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });
});

describe('downloadHeaders', () => {
  it('sends an HTML original as a sandboxed, unsniffed attachment under its own name', () => {
    const headers = downloadHeaders({ mime: 'text/html', name: '聊天记录.html', size: 1234 });
    expect(headers['Content-Type']).toBe('application/octet-stream');
    expect(headers['Content-Security-Policy']).toMatch(/(^|; )sandbox(;|$)/);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Content-Length']).toBe('1234');
    expect(headers['Content-Disposition']).toBe(`attachment; filename="____.html"; filename*=UTF-8''${encodeURIComponent('聊天记录.html')}`);
  });

  it('leaves Content-Length out when the size is not known ahead (a streamed ZIP)', () => {
    expect(downloadHeaders({ mime: 'application/zip', name: 'a.zip' })).not.toHaveProperty('Content-Length');
  });
});
