const DAY = 24 * 60 * 60 * 1000;

/** YYYY-MM-DD of the day `offsetDays` from today, in China (the app's calendar). */
export function chinaDay(offsetDays = 0): string {
  return new Date(Date.now() + 8 * 60 * 60 * 1000 + offsetDays * DAY).toISOString().slice(0, 10);
}

/** The same day as the app stores it: midnight UTC of that calendar date. */
export function chinaDate(offsetDays = 0): Date {
  return new Date(`${chinaDay(offsetDays)}T00:00:00.000Z`);
}
