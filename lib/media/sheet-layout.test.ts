import { describe, expect, it } from 'vitest';
import { formatTimestamp, frameCount, frameTimes, layoutSheet, SHEET_MAX_HEIGHT, SHEET_MAX_WIDTH, type Rect } from './sheet-layout';

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('frames', () => {
  it('takes 12 to 24 frames, more for longer videos', () => {
    expect([3, 60, 90, 119, 600, 7200].map(frameCount)).toEqual([12, 12, 18, 24, 24, 24]);
  });

  it('spaces them evenly, each in the middle of its slice', () => {
    const times = frameTimes(60);
    expect(times).toHaveLength(12);
    expect(times[0]).toBeCloseTo(2.5);
    expect(times[11]).toBeCloseTo(57.5);
    expect(times.slice(1).map((t, i) => t - times[i]!)).toEqual(Array(11).fill(5));
  });

  it('labels times with tenths, minutes and hours', () => {
    expect([0.04, 7.46, 59.96, 723, 3723.05].map(formatTimestamp)).toEqual(['0:00.0', '0:07.5', '1:00.0', '12:03.0', '1:02:03.1']);
  });
});

describe('layoutSheet', () => {
  for (const [name, size] of [['landscape 1080p', { width: 1920, height: 1080 }], ['portrait phone', { width: 1080, height: 1920 }], ['square', { width: 720, height: 720 }]] as const) {
    for (const count of [12, 18, 24]) {
      it(`fits ${count} ${name} frames in the A4 box without overlap, keeping the aspect`, () => {
        const layout = layoutSheet(frameTimes(count * 5, count), size);
        expect(layout.cells).toHaveLength(count);
        expect(layout.width).toBeLessThanOrEqual(SHEET_MAX_WIDTH);
        expect(layout.height).toBeLessThanOrEqual(SHEET_MAX_HEIGHT);
        const boxes = layout.cells.flatMap((c) => [c.frame, c.labelBox]);
        for (const [i, a] of boxes.entries()) {
          expect(a.x + a.width).toBeLessThanOrEqual(layout.width);
          expect(a.y + a.height).toBeLessThanOrEqual(layout.height);
          for (const b of boxes.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
        }
        const frame = layout.cells[0]!.frame;
        expect(frame.width / frame.height).toBeCloseTo(size.width / size.height, 1);
      });
    }
  }

  it('prefers a shorter grid when its frames are nearly as large', () => {
    // Two columns would give 542 px frames in 6 rows; three give 524 px in 4 rows, leaving the page room.
    expect(layoutSheet(frameTimes(60), { width: 1920, height: 1080 })).toMatchObject({ columns: 3, width: 1596 });
  });

  it('gives portrait videos more columns than landscape ones', () => {
    const times = frameTimes(60);
    expect(layoutSheet(times, { width: 1080, height: 1920 }).columns).toBeGreaterThan(layoutSheet(times, { width: 1920, height: 1080 }).columns);
  });
});
