import 'server-only';
import path from 'node:path';
import { isExecutable, systemToolsHidden } from '@/lib/tools/system-tool';

export type MediaTool = 'ffmpeg' | 'ffprobe';
/** Where a binary came from, so the operator can see which ffmpeg made a sheet. */
export type ToolSource = 'env' | 'system' | 'package';
export type FoundTool = { path: string; source: ToolSource };

const ENV_NAME: Record<MediaTool, string> = { ffmpeg: 'FFMPEG_PATH', ffprobe: 'FFPROBE_PATH' };

function onSystemPath(tool: MediaTool, searchPath: string | undefined): string | null {
  for (const dir of (searchPath ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, tool);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

/*
 * The @ffmpeg-installer / @ffprobe-installer packages keep the binary in a per-platform package
 * (e.g. @ffmpeg-installer/linux-x64). Their index.js throws on other platforms and a computed
 * require() is opaque to the bundler, so the binary is looked up under the project's node_modules:
 * the server always runs from the project root (next start, server.mjs, vitest).
 */
function inPackage(tool: MediaTool, root: string): string | null {
  const candidate = path.join(root, 'node_modules', `@${tool}-installer`, `${process.platform}-${process.arch}`, tool);
  return isExecutable(candidate) ? candidate : null;
}

/**
 * Finds ffmpeg or ffprobe: the environment variable (FFMPEG_PATH / FFPROBE_PATH) first, then the
 * system's binary on PATH, then the one shipped inside the npm package. A variable that is set but
 * names no executable gives null rather than a fallback: the operator asked for that binary, and
 * an empty value is the way to switch video sheets off. Null means: keep the video hashed, no sheet.
 */
export function findMediaTool(tool: MediaTool, env: Record<string, string | undefined> = process.env, root = process.cwd()): FoundTool | null {
  const fromEnv = env[ENV_NAME[tool]];
  if (fromEnv !== undefined) return fromEnv && isExecutable(fromEnv) ? { path: fromEnv, source: 'env' } : null;
  const system = systemToolsHidden(env) ? null : onSystemPath(tool, env.PATH);
  if (system) return { path: system, source: 'system' };
  const packaged = inPackage(tool, root);
  return packaged ? { path: packaged, source: 'package' } : null;
}
