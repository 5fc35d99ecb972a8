import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { findMediaTool } from './ffmpeg';

type ClipOptions = {
  seconds?: number;
  size?: string;
  /** A lavfi source instead of testsrc, e.g. a picture whose top half is white. */
  source?: string;
  /** Written as stream metadata after encoding (ffmpeg stores it as the display matrix). */
  rotate?: number;
  /** Container tags, e.g. location or com.apple.quicktime.location.ISO6709. */
  tags?: Record<string, string>;
  /** hevc: 10-bit HEVC tagged hvc1, as an iPhone records it. */
  codec?: 'h264' | 'hevc';
};

/** Encodes a small H.264 (or HEVC) clip with the ffmpeg this machine has, for tests and the benchmark. */
export function makeTestVideo(dir: string, name: string, options: ClipOptions = {}): string {
  const ffmpeg = findMediaTool('ffmpeg', { ...process.env, FFMPEG_PATH: undefined });
  if (!ffmpeg) throw new Error('No ffmpeg found (the @ffmpeg-installer package is a dependency: run npm ci)');
  const { seconds = 3, size = '320x240', rotate, tags = {} } = options;
  const source = options.source ?? `testsrc=size=${size}:rate=25`;
  const out = path.join(dir, name);
  const plain = rotate === undefined ? out : path.join(dir, `plain-${name}`);
  const codecArgs = options.codec === 'hevc'
    ? ['-c:v', 'libx265', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p10le', '-tag:v', 'hvc1', '-x265-params', 'log-level=error']
    : ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'];
  const tagArgs = Object.entries(tags).flatMap(([k, v]) => ['-metadata', `${k}=${v}`]);
  execFileSync(ffmpeg.path, ['-v', 'error', '-y', '-f', 'lavfi', '-i', source, '-t', String(seconds), ...codecArgs, '-movflags', 'use_metadata_tags', ...tagArgs, plain]);
  // Only a stream copy writes the rotation here: the 2018 static build drops it when encoding.
  if (rotate !== undefined) execFileSync(ffmpeg.path, ['-v', 'error', '-y', '-i', plain, '-c', 'copy', `-metadata:s:v:0`, `rotate=${rotate}`, out]);
  return out;
}
