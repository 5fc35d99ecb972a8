import { PLATFORMS, type PlatformId } from './profiles';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days within which a deadline counts as urgent (shown as a warning). */
export const DEADLINE_WARNING_DAYS = 3;

/** Default appeal deadline: the notice date plus the platform's window. */
export function defaultDeadline(platform: PlatformId, noticeDate: Date): Date {
  return new Date(noticeDate.getTime() + PLATFORMS[platform].appealWindowDays * DAY_MS);
}

export type DeadlineState = { daysLeft: number; level: 'ok' | 'soon' | 'today' | 'passed' };

/**
 * Whole calendar days from `now` to `deadline`, in the merchant's time zone
 * offset (minutes east of UTC; China is +480). The deadline day itself is day 0.
 */
export function deadlineState(deadline: Date, now: Date, utcOffsetMinutes = 480): DeadlineState {
  const dayIndex = (d: Date) => Math.floor((d.getTime() + utcOffsetMinutes * 60_000) / DAY_MS);
  const daysLeft = dayIndex(deadline) - dayIndex(now);
  const level = daysLeft < 0 ? 'passed' : daysLeft === 0 ? 'today' : daysLeft <= DEADLINE_WARNING_DAYS ? 'soon' : 'ok';
  return { daysLeft, level };
}
