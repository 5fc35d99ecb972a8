/**
 * The heavy case's two packing videos for bench/export.ts: 1080p, about 100 MB each, so the export
 * shows what two originals of that size cost (their sheets go in the PDF, the originals only in
 * the ZIP). One landscape with a phone-like keyframe a second; one filmed upright on a phone
 * (stored landscape and turned by its rotation tag) with x264's 8 s keyframe interval, the slow
 * case for seeking. Generated once into the cache (about a minute each on two cores).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { findMediaTool } from '../lib/media/ffmpeg';

export const VIDEO_CACHE_DIR = 'videos-v1';
// 20 Mbit/s of noisy 1080p (a phone records 15-25): 40 s is about 100 MB.
const SECONDS = 40;
const CLIPS = [
  { name: 'VID_20261110_201502.mp4', gop: 30, rotate: undefined, title: '打包视频 双十一当晚 订单批次 1' },
  { name: 'VID_20261111_093012.mp4', gop: 250, rotate: 90, title: '开箱视频 买家签收后 竖屏拍摄' },
] as const;

export type BenchVideo = { file: string; name: string; title: string };

export function benchVideos(cache: string): { videos: BenchVideo[]; generated: number } {
  const dir = path.join(cache, VIDEO_CACHE_DIR);
  mkdirSync(dir, { recursive: true });
  const ffmpeg = findMediaTool('ffmpeg');
  let generated = 0;
  const videos = CLIPS.map((clip) => {
    const file = path.join(dir, clip.name);
    if (existsSync(file)) return { file, name: clip.name, title: clip.title };
    if (!ffmpeg) throw new Error('no ffmpeg to generate the benchmark videos');
    const plain = `${file}.plain.mp4`;
    const part = `${file}.part.mp4`;
    execFileSync(ffmpeg.path, ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=30,noise=alls=30:allf=t', '-t', String(SECONDS),
      '-c:v', 'libx264', '-preset', 'ultrafast', '-g', String(clip.gop), '-b:v', '20M', '-minrate', '20M', '-maxrate', '20M', '-bufsize', '20M', '-pix_fmt', 'yuv420p',
      '-metadata', 'creation_time=2026-11-10T12:15:02Z', plain]);
    // Only a stream copy writes the rotation with the packaged 2018 ffmpeg (lib/media/test-videos.ts).
    execFileSync(ffmpeg.path, ['-v', 'error', '-y', '-i', plain, '-c', 'copy', ...(clip.rotate ? ['-metadata:s:v:0', `rotate=${clip.rotate}`] : []), part]);
    rmSync(plain, { force: true });
    renameSync(part, file);
    generated++;
    return { file, name: clip.name, title: clip.title };
  });
  return { videos, generated };
}
