import { describe, expect, it } from 'vitest';
import { chartFixture } from './fixture';
import { priceGeometry, textWidth, timelineGeometry } from './geometry';

const frame = { width: 440, height: 220, font: 11 };

describe('timelineGeometry', () => {
  const { charts } = chartFixture();
  const chart = charts.timeline;
  if (!chart) throw new Error('fixture has a timeline');
  const g = timelineGeometry(chart, frame);

  it('keeps every bar inside the plot, the flagged part at its base', () => {
    for (const b of g.bars) {
      expect(b.x).toBeGreaterThanOrEqual(g.plot.x0);
      expect(b.x + b.w).toBeLessThanOrEqual(g.plot.x1 + 1e-9);
      expect(b.top).toBeGreaterThanOrEqual(g.plot.y0 - 1e-9);
      expect(b.strongTop).toBeGreaterThanOrEqual(b.top);
      expect(b.strongTop).toBeLessThanOrEqual(g.plot.y1);
    }
    // The burst days are the tallest bars: 40 orders against 10.
    const tallest = Math.min(...g.bars.map((b) => b.top));
    expect(g.bars.filter((b) => b.top === tallest).map((b) => b.mark).sort()).toEqual(['explained', 'unexplained']);
  });

  it('shades the promotion over its day and labels it above the plot', () => {
    expect(g.shades).toHaveLength(1);
    const [shade] = g.shades;
    expect(shade?.labelY).toBeLessThan(g.plot.y0);
    const burstBar = g.bars.find((b) => b.mark === 'explained');
    expect(burstBar && shade && burstBar.x >= shade.x && burstBar.x + burstBar.w <= shade.x + shade.w + 1e-9).toBe(true);
  });

  it('keeps x labels inside the frame and apart', () => {
    const halves = g.xTicks.map((t) => textWidth(t.label, frame.font * 0.9) / 2);
    g.xTicks.forEach((t, i) => {
      expect(t.labelAt - (halves[i] ?? 0)).toBeGreaterThanOrEqual(0);
      expect(t.labelAt + (halves[i] ?? 0)).toBeLessThanOrEqual(frame.width);
      if (i > 0) expect(t.labelAt - (halves[i] ?? 0)).toBeGreaterThan((g.xTicks[i - 1]?.labelAt ?? 0) + (halves[i - 1] ?? 0));
    });
  });
});

describe('priceGeometry', () => {
  it('puts the median rule among the bars and a counted marker over the outliers', () => {
    const [chart] = chartFixture().charts.prices;
    if (!chart) throw new Error('fixture has a price chart');
    const g = priceGeometry(chart, frame);
    expect(g.markers).toEqual([expect.objectContaining({ kind: 'outlier', label: '2' })]);
    expect(g.rule?.x).toBeGreaterThan(g.markers[0]?.x ?? Infinity);
    expect(g.xTicks[0]?.label).toMatch(/^¥/);
  });
});
