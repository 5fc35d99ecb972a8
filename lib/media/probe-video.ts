import 'server-only';
import { findMediaTool, type FoundTool } from './ffmpeg';
import { ffprobeOutput, videoFacts, type VideoFacts } from './probe-facts';
import { runTool } from './run-tool';

export type ProbeResult =
  | { ok: true; facts: VideoFacts; tool: FoundTool }
  /** no-tool: no ffprobe here; unreadable: not a video ffprobe can read; no-video: no picture stream. */
  | { ok: false; reason: 'no-tool' | 'unreadable' | 'no-video' | 'timeout' };

const PROBE_TIMEOUT_MS = 15_000;

/**
 * Reads a video's facts with ffprobe (JSON output, headers only, no decoding): duration, upright
 * size, codec, the container's creation time and whether it says where it was filmed.
 */
export async function probeVideo(file: string, tool = findMediaTool('ffprobe')): Promise<ProbeResult> {
  if (!tool) return { ok: false, reason: 'no-tool' };
  // `file:` keeps a name starting with a dash or holding a protocol prefix a plain local path.
  const args = ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', `file:${file}`];
  const run = await runTool(tool.path, args, PROBE_TIMEOUT_MS, 8 * 1024 * 1024);
  if (!run.ok) return { ok: false, reason: run.reason === 'timeout' ? 'timeout' : 'unreadable' };
  let json: unknown;
  try {
    json = JSON.parse(run.stdout.toString('utf8'));
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  const parsed = ffprobeOutput.safeParse(json);
  if (!parsed.success) return { ok: false, reason: 'unreadable' };
  const facts = videoFacts(parsed.data);
  return facts ? { ok: true, facts, tool } : { ok: false, reason: 'no-video' };
}
