/**
 * Builds the contact sheet of a generated 60 s 1080p H.264 clip and prints how long the probe and
 * the sheet take and how big the sheet is. Two clips: x264's default keyframe interval (250 frames,
 * every 8 s at 30 fps: each seek decodes up to 8 s) and a phone-like one keyframe a second.
 * A script that prints figures, not a timed test. Writes the sheets to bench/out/.
 *
 * Run: npm run bench:video [-- seconds]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildContactSheet } from '@/lib/media/contact-sheet';
import { findMediaTool } from '@/lib/media/ffmpeg';
import { probeVideo } from '@/lib/media/probe-video';

const seconds = Number(process.argv[2] ?? 60);
const ffmpeg = findMediaTool('ffmpeg');
if (!ffmpeg) throw new Error('no ffmpeg');
const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-video-'));
mkdirSync('bench/out', { recursive: true });
console.log(`ffmpeg: ${ffmpeg.source} ${ffmpeg.path}`);

try {
  for (const [name, gop] of [['keyframe-every-8s', 250], ['keyframe-every-1s', 30]] as const) {
    const file = path.join(dir, `${name}.mp4`);
    // Noise keeps the bitrate near a phone's (testsrc alone compresses to almost nothing).
    execFileSync(ffmpeg.path, ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=30,noise=alls=12:allf=t', '-t', String(seconds),
      '-c:v', 'libx264', '-preset', 'ultrafast', '-g', String(gop), '-b:v', '12M', '-pix_fmt', 'yuv420p', file]);
    const mb = Number(execFileSync('stat', ['-c', '%s', file]).toString()) / 1e6;
    let t = performance.now();
    const probe = await probeVideo(file);
    const probeMs = performance.now() - t;
    t = performance.now();
    const result = await buildContactSheet(file);
    const sheetMs = performance.now() - t;
    if (!result.ok) throw new Error(result.reason);
    writeFileSync(`bench/out/sheet-${name}.jpg`, result.sheet.jpeg);
    console.log(`${name}: ${seconds} s 1080p, ${mb.toFixed(1)} MB; probe ${probeMs.toFixed(0)} ms (${probe.ok ? 'ok' : probe.reason}); sheet ${(sheetMs / 1000).toFixed(2)} s, ` +
      `${result.sheet.cells.length} frames, ${result.sheet.width}×${result.sheet.height} px, ${(result.sheet.jpeg.length / 1024).toFixed(0)} KB`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
