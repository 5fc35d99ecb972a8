import { describe, expect, it } from 'vitest';
import { appUrl, servesHttps } from './app-url';

describe('appUrl and servesHttps', () => {
  it('use the configured public URL', () => {
    expect(appUrl({ BETTER_AUTH_URL: 'https://appeal.example.cn' })).toBe('https://appeal.example.cn');
    expect(servesHttps({ BETTER_AUTH_URL: 'https://appeal.example.cn' })).toBe(true);
    expect(servesHttps({ BETTER_AUTH_URL: 'HTTPS://appeal.example.cn' })).toBe(true);
  });

  it('fall back to plain http on localhost and the port the server listens on', () => {
    expect(appUrl({ PORT: '3303' })).toBe('http://localhost:3303');
    expect(appUrl({})).toBe('http://localhost:3000');
    expect(servesHttps({ PORT: '3303' })).toBe(false);
    expect(servesHttps({ BETTER_AUTH_URL: 'http://shop.example.cn' })).toBe(false);
  });
});
