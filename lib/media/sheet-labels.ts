import { formatTimestamp, frameTimes, layoutSheet } from './sheet-layout';

/** A frame's time and where its label band sits, as fractions of the sheet (so any scaling keeps them in place). */
export type SheetLabel = { text: string; x: number; y: number; width: number; height: number };
export type SheetLabels = { labels: SheetLabel[]; times: string[]; width: number; height: number };

/**
 * The frame labels of a stored contact sheet, from the same layout the sheet was drawn with, for
 * the video's stored duration and upright size: the bundle writes them under the frames as real
 * text, the evidence step lays them over the picture. Given the stored picture's size, labels come
 * only when the layout gives exactly that size: a sheet from an older layout gets the times as a
 * list rather than misplaced labels.
 */
export function sheetLabels(video: { seconds: number; width: number; height: number }, stored?: { width: number; height: number }): SheetLabels {
  const times = frameTimes(video.seconds);
  const layout = layoutSheet(times, video);
  const size = stored ?? layout;
  const fits = layout.width === size.width && layout.height === size.height;
  const labels = fits
    ? layout.cells.map((c) => ({ text: c.label, x: c.labelBox.x / size.width, y: c.labelBox.y / size.height, width: c.labelBox.width / size.width, height: c.labelBox.height / size.height }))
    : [];
  return { labels, times: times.map(formatTimestamp), width: layout.width, height: layout.height };
}
