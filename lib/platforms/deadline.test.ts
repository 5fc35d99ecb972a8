import { describe, expect, it } from 'vitest';
import { deadlineState, defaultDeadline } from './deadline';
import { PLATFORMS, PLATFORM_IDS } from './profiles';

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe('deadlineState', () => {
  it('counts calendar days in China time', () => {
    // 23:30 on the 22nd in Beijing is still the 22nd there, though already 15:30Z.
    expect(deadlineState(day('2026-11-25'), new Date('2026-11-22T15:30:00Z'))).toEqual({ daysLeft: 3, level: 'soon' });
    // 00:30 on the 23rd in Beijing is 16:30Z on the 22nd: one day fewer left.
    expect(deadlineState(day('2026-11-25'), new Date('2026-11-22T16:30:00Z'))).toEqual({ daysLeft: 2, level: 'soon' });
  });

  it('grades urgency', () => {
    const now = new Date('2026-11-22T04:00:00Z');
    expect(deadlineState(day('2026-11-30'), now).level).toBe('ok');
    expect(deadlineState(day('2026-11-26'), now).level).toBe('ok');
    expect(deadlineState(day('2026-11-25'), now).level).toBe('soon');
    expect(deadlineState(day('2026-11-22'), now)).toEqual({ daysLeft: 0, level: 'today' });
    expect(deadlineState(day('2026-11-20'), now)).toEqual({ daysLeft: -2, level: 'passed' });
  });
});

describe('platform profiles', () => {
  it('uses the verified windows for Tmall (3 days) and Douyin (7 days)', () => {
    expect(defaultDeadline('tmall', day('2026-11-01'))).toEqual(day('2026-11-04'));
    expect(defaultDeadline('douyin', day('2026-11-01'))).toEqual(day('2026-11-08'));
    expect(PLATFORMS.tmall.appealWindowSource.kind).toBe('verified');
    expect(PLATFORMS.douyin.appealWindowSource.kind).toBe('verified');
  });

  it('marks every unverified window as a default, and does not copy Tmall onto Taobao', () => {
    for (const id of ['taobao', 'jd', 'pinduoduo', 'kuaishou', 'amazon', 'other'] as const) {
      expect(PLATFORMS[id].appealWindowSource.kind).toBe('default');
    }
    expect(PLATFORMS.taobao.appealWindowDays).not.toBe(PLATFORMS.tmall.appealWindowDays);
  });

  it('keys each profile by its own id', () => {
    for (const id of PLATFORM_IDS) expect(PLATFORMS[id].id).toBe(id);
  });
});
