import 'server-only';
import sharp, { type OverlayOptions } from 'sharp';
import { findMediaTool, type FoundTool } from './ffmpeg';
import { probeVideo } from './probe-video';
import { runTool } from './run-tool';
import { frameTimes, layoutSheet, type SheetCell } from './sheet-layout';

export type ContactSheet = {
  jpeg: Buffer;
  width: number;
  height: number;
  durationSeconds: number;
  /** Where each frame and its (blank) label band sit on the image; missing: ffmpeg gave no frame. */
  cells: (SheetCell & { missing: boolean })[];
  tool: FoundTool;
};
export type SheetResult =
  | { ok: true; sheet: ContactSheet }
  | { ok: false; reason: 'no-tool' | 'unreadable' | 'no-video' | 'no-duration' | 'timeout' | 'no-frames' };

/** Whole-sheet budget: past it the sheet is given up, never a request or job held for minutes. */
const SHEET_DEADLINE_MS = 120_000;
const FRAME_TIMEOUT_MS = 20_000;

async function grabFrame(ffmpeg: string, file: string, seconds: number, size: { width: number; height: number }, timeoutMs: number) {
  // -ss before -i seeks to the keyframe before `seconds` and decodes only from there.
  // ffmpeg turns the picture upright by the rotation metadata (autorotate) before the scaler.
  const args = ['-v', 'error', '-nostdin', '-ss', seconds.toFixed(3), '-i', `file:${file}`, '-frames:v', '1', '-an', '-sn', '-dn',
    '-vf', `scale=${size.width}:${size.height}`, '-f', 'image2pipe', '-c:v', 'png', '-'];
  return runTool(ffmpeg, args, timeoutMs, 16 * 1024 * 1024);
}

/**
 * Builds a contact sheet of a video on disk: 12 to 24 upright frames at even intervals, tiled into
 * one JPEG sized for an A4 page. Timestamps are not drawn into the picture: the cells say where
 * each label goes and its text, so the PDF writes it with its embedded font (searchable, Chinese
 * ready, no dependence on the server's fonts). Frames run one after another to spare the CPU.
 */
export async function buildContactSheet(
  file: string,
  tools = { ffmpeg: findMediaTool('ffmpeg'), ffprobe: findMediaTool('ffprobe') },
): Promise<SheetResult> {
  const started = Date.now();
  if (!tools.ffmpeg || !tools.ffprobe) return { ok: false, reason: 'no-tool' };
  const probe = await probeVideo(file, tools.ffprobe);
  if (!probe.ok) return probe;
  const { durationSeconds, width, height } = probe.facts;
  if (durationSeconds <= 0) return { ok: false, reason: 'no-duration' };

  const layout = layoutSheet(frameTimes(durationSeconds), { width, height });
  const overlays: OverlayOptions[] = [];
  const cells: ContactSheet['cells'] = [];
  for (const cell of layout.cells) {
    const left = SHEET_DEADLINE_MS - (Date.now() - started);
    if (left <= 0) return { ok: false, reason: 'timeout' };
    const run = await grabFrame(tools.ffmpeg.path, file, cell.seconds, cell.frame, Math.min(FRAME_TIMEOUT_MS, left));
    if (!run.ok && run.reason === 'timeout') return { ok: false, reason: 'timeout' };
    const frame = run.ok && run.stdout.length > 0 ? run.stdout : null;
    cells.push({ ...cell, missing: frame === null });
    // A missing frame leaves a grey cell, so the sheet still shows the video's time axis honestly.
    const blank = { create: { width: cell.frame.width, height: cell.frame.height, channels: 3 as const, background: '#d9d9d9' } };
    overlays.push({ input: frame ?? blank, left: cell.frame.x, top: cell.frame.y });
  }
  if (cells.every((c) => c.missing)) return { ok: false, reason: 'no-frames' };

  const jpeg = await sharp({ create: { width: layout.width, height: layout.height, channels: 3, background: '#ffffff' } })
    .composite(overlays)
    .jpeg({ quality: 82, mozjpeg: true })
    .toBuffer();
  return { ok: true, sheet: { jpeg, width: layout.width, height: layout.height, durationSeconds, cells, tool: tools.ffmpeg } };
}
