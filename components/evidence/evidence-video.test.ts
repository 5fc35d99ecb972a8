import { describe, expect, it } from 'vitest';
import { formatDuration } from './evidence-video';

describe('formatDuration', () => {
  it('shows minutes and seconds, and hours only for long videos', () => {
    expect(formatDuration(0.4)).toBe('0:00');
    expect(formatDuration(75.4)).toBe('1:15');
    expect(formatDuration(599.6)).toBe('10:00');
    expect(formatDuration(3725)).toBe('1:02:05');
  });
});
