/**
 * Axis arithmetic shared by the SVG and the PDF charts: "nice" steps (1, 2 or 5 × a power of ten,
 * the steps a reader counts in without effort) and a linear scale. The step rule is d3-array's
 * tickIncrement, written out here (a dozen lines) rather than depending on d3 through another package.
 */

const E10 = Math.sqrt(50);
const E5 = Math.sqrt(10);
const E2 = Math.sqrt(2);

/** The nice step that cuts [min, max] into about `count` intervals. */
export function tickStep(min: number, max: number, count: number): number {
  const raw = Math.abs(max - min) / Math.max(1, count);
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const error = raw / power;
  const factor = error >= E10 ? 10 : error >= E5 ? 5 : error >= E2 ? 2 : 1;
  return factor * power;
}

/** Round a step's multiple so 0.1 + 0.2 prints as 0.3, not 0.30000000000000004. */
const clean = (value: number, step: number) => {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  return Number(value.toFixed(Math.min(20, decimals)));
};

/**
 * Ticks from a multiple of the step at or below `min` to one at or above `max`, so the axis is
 * "niced" outwards and the data never touches past the last tick.
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (max < min) [min, max] = [max, min];
  if (min === max) return min === 0 ? [0, 1] : niceTicks(Math.min(0, min), Math.max(0, max), count);
  const step = tickStep(min, max, count);
  const first = Math.floor(min / step);
  const last = Math.ceil(max / step);
  return Array.from({ length: last - first + 1 }, (_, i) => clean((first + i) * step, step));
}

/**
 * Ticks for a count axis that starts at 0 (whole numbers only: half an order is no order), with
 * room above the tallest bar for the marker drawn over it.
 */
export function countTicks(tallest: number, count = 4): number[] {
  const max = tallest * 1.12;
  const step = Math.max(1, tickStep(0, Math.max(1, max), count));
  const last = Math.ceil(Math.max(1, max) / step);
  return Array.from({ length: last + 1 }, (_, i) => i * step);
}

/** Maps [d0, d1] onto [r0, r1]; a zero-width domain maps to the range's middle. */
export function linearScale([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]): (value: number) => number {
  const span = d1 - d0;
  if (span === 0) return () => (r0 + r1) / 2;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}
