/**
 * File name extensions of the video kinds (KINDS in inspect/file-kind.ts; a test keeps the two
 * in step). A module without imports, so the uploader in the browser can pick the limit to show.
 */
export const VIDEO_EXTENSIONS: readonly string[] = ['mp4', 'm4v', 'mov', 'qt'];

/** Whether a file's name (as the browser or client declared it) says it is a video. */
export function namedAsVideo(fileName: string): boolean {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 && VIDEO_EXTENSIONS.includes(fileName.slice(dot + 1).toLowerCase());
}
