export type Rect = { x: number; y: number; width: number; height: number };
export type SheetCell = { seconds: number; label: string; frame: Rect; labelBox: Rect };
export type SheetLayout = { width: number; height: number; columns: number; cells: SheetCell[] };

/*
 * Sized for the content box of an A4 portrait page (about 180 × 240 mm once the PDF's margins,
 * heading and hash line are placed) at roughly 220 dpi: sharp in print, small as a JPEG.
 */
export const SHEET_MAX_WIDTH = 1600;
export const SHEET_MAX_HEIGHT = 2130;
const GAP = 12;
/** Blank band under each frame where the PDF (or the page) writes the timestamp as real text. */
export const LABEL_BAND = 40;

/** 12 frames for a short clip, one per 5 s beyond a minute, never more than 24. */
export function frameCount(durationSeconds: number): number {
  return Math.min(24, Math.max(12, Math.round(durationSeconds / 5)));
}

/** Even intervals, each frame in the middle of its slice: never the black first frame or past the end. */
export function frameTimes(durationSeconds: number, count = frameCount(durationSeconds)): number[] {
  return Array.from({ length: count }, (_, i) => ((i + 0.5) * durationSeconds) / count);
}

/** "0:07.5", "12:03.0", "1:02:03.0": tenths, because a short clip's frames are under a second apart. */
export function formatTimestamp(seconds: number): string {
  const tenths = Math.max(0, Math.round(seconds * 10));
  const h = Math.floor(tenths / 36000);
  const m = Math.floor((tenths % 36000) / 600);
  const s = ((tenths % 600) / 10).toFixed(1).padStart(4, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

function grid(columns: number, count: number, aspect: number) {
  const rows = Math.ceil(count / columns);
  let frameW = Math.floor((SHEET_MAX_WIDTH - GAP * (columns - 1)) / columns);
  let frameH = Math.round(frameW / aspect);
  const tall = rows * (frameH + LABEL_BAND) + GAP * (rows - 1);
  if (tall > SHEET_MAX_HEIGHT) {
    frameH = Math.floor((SHEET_MAX_HEIGHT - GAP * (rows - 1)) / rows - LABEL_BAND);
    frameW = Math.round(frameH * aspect);
  }
  // Even sizes: ffmpeg's scaler and JPEG chroma subsampling both prefer them.
  return { columns, rows, frameW: frameW - (frameW % 2), frameH: frameH - (frameH % 2) };
}

/**
 * Places the frames on the sheet: the column count (2 to 8) that gives about the largest frames
 * within the A4 box, so a portrait phone video gets more columns than a landscape one. Within 10 %
 * of the largest, the shortest grid wins: it leaves the page room for the heading and the hash.
 */
export function layoutSheet(times: number[], upright: { width: number; height: number }): SheetLayout {
  const aspect = upright.width / upright.height;
  const grids = [2, 3, 4, 5, 6, 7, 8].map((c) => grid(c, times.length, aspect));
  const area = (g: (typeof grids)[number]) => g.frameW * g.frameH;
  const largest = Math.max(...grids.map(area));
  const gridHeight = (g: (typeof grids)[number]) => g.rows * (g.frameH + LABEL_BAND + GAP);
  const best = grids.filter((g) => area(g) >= 0.9 * largest).sort((a, b) => gridHeight(a) - gridHeight(b))[0]!;
  const { columns, rows, frameW, frameH } = best;
  const cells = times.map((seconds, i) => {
    const x = (i % columns) * (frameW + GAP);
    const y = Math.floor(i / columns) * (frameH + LABEL_BAND + GAP);
    return {
      seconds,
      label: formatTimestamp(seconds),
      frame: { x, y, width: frameW, height: frameH },
      labelBox: { x, y: y + frameH, width: frameW, height: LABEL_BAND },
    };
  });
  const width = Math.min(columns, times.length) * (frameW + GAP) - GAP;
  const height = rows * (frameH + LABEL_BAND + GAP) - GAP;
  return { width, height, columns, cells };
}
