import { describe, expect, it } from 'vitest';
import { sheetLabels } from './sheet-labels';
import { layoutSheet, frameTimes } from './sheet-layout';

describe('sheetLabels', () => {
  const clip = { seconds: 4, width: 320, height: 240 };
  const layout = layoutSheet(frameTimes(4), clip);

  it('places every frame time under its frame, as fractions of the stored sheet', () => {
    const { labels, times } = sheetLabels(clip, { width: layout.width, height: layout.height });
    expect(times).toHaveLength(12);
    expect(labels.map((l) => l.text)).toEqual(times);
    expect(labels[0]).toMatchObject({ text: '0:00.2', x: 0 });
    const last = labels.at(-1)!;
    // The last row's band ends at the sheet's bottom edge; the last column's at its right edge.
    expect(last.y + last.height).toBeCloseTo(1, 5);
    expect(last.x + last.width).toBeCloseTo(1, 5);
  });

  it('gives the times without positions for a sheet drawn by another layout', () => {
    const { labels, times } = sheetLabels(clip, { width: layout.width + 10, height: layout.height });
    expect(labels).toEqual([]);
    expect(times.at(-1)).toBe('0:03.8');
  });

  it('lays a portrait (upright) clip in frames taller than wide', () => {
    const { labels, height, width } = sheetLabels({ seconds: 2, width: 240, height: 320 });
    const frameHeight = labels[0]!.y * height;
    expect(frameHeight).toBeGreaterThan(labels[0]!.width * width);
  });
});
