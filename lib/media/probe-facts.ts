import { z } from 'zod';

// Only the fields we read; ffprobe prints many more, and numbers arrive as strings in places.
const tags = z.record(z.string(), z.string()).optional();
const stream = z.object({
  codec_type: z.string().optional(),
  codec_name: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  duration: z.string().optional(),
  tags,
  side_data_list: z.array(z.object({ rotation: z.union([z.number(), z.string()]).optional() }).loose()).optional(),
});
export const ffprobeOutput = z.object({
  streams: z.array(stream.loose()).default([]),
  format: z.object({ duration: z.string().optional(), format_name: z.string().optional(), tags }).loose().optional(),
});
export type FfprobeOutput = z.infer<typeof ffprobeOutput>;

export type VideoFacts = {
  durationSeconds: number;
  /** As the video is shown: width and height swapped when the rotation is a quarter turn. */
  width: number;
  height: number;
  /** Clockwise degrees to turn the coded picture upright: 0, 90, 180 or 270. */
  rotation: number;
  codec: string;
  container: string;
  /** The container's creation time (ISO 8601), as the camera or the last editor wrote it. */
  createdAt: string | null;
  hasLocation: boolean;
  location: { latitude: number; longitude: number } | null;
};

// Apple's key first: iPhones write it; Android and ffmpeg write `location` (©xyz), some `location-eng`.
const LOCATION_KEYS = ['com.apple.quicktime.location.iso6709', 'location', 'location-eng'];
const CREATION_KEYS = ['com.apple.quicktime.creationdate', 'creation_time'];

/** Parses an ISO 6709 point such as "+37.3349-122.0090+010.000/"; null when it is not one. */
export function parseIso6709(text: string): { latitude: number; longitude: number } | null {
  const match = /^\s*([+-]\d{1,2}(?:\.\d+)?)([+-]\d{1,3}(?:\.\d+)?)/.exec(text);
  if (!match) return null;
  const latitude = Number(match[1]);
  const longitude = Number(match[2]);
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  return { latitude, longitude };
}

function tagValue(sources: (Record<string, string> | undefined)[], keys: string[]): string | null {
  for (const source of sources) {
    if (!source) continue;
    const lower = new Map(Object.entries(source).map(([k, v]) => [k.toLowerCase(), v]));
    for (const key of keys) {
      const value = lower.get(key);
      if (value) return value;
    }
  }
  return null;
}

/*
 * Older muxers wrote a `rotate` tag (clockwise degrees); ffprobe 5+ reports the display matrix as
 * side data whose `rotation` is counter-clockwise. Both are brought to clockwise 0/90/180/270.
 */
function rotationOf(video: FfprobeOutput['streams'][number]): number {
  const matrix = video.side_data_list?.find((d) => d.rotation !== undefined)?.rotation;
  const degrees = matrix !== undefined ? -Number(matrix) : Number(video.tags?.rotate ?? 0);
  if (!Number.isFinite(degrees)) return 0;
  return (((Math.round(degrees / 90) * 90) % 360) + 360) % 360;
}

/** The facts of the first video stream, or null when the file holds no picture. */
export function videoFacts(output: FfprobeOutput): VideoFacts | null {
  const video = output.streams.find((s) => s.codec_type === 'video' && s.width && s.height);
  if (!video?.width || !video.height) return null;
  const rotation = rotationOf(video);
  const quarter = rotation % 180 === 90;
  const duration = Number(output.format?.duration ?? video.duration ?? NaN);
  const sources = [output.format?.tags, video.tags];
  const location = parseIso6709(tagValue(sources, LOCATION_KEYS) ?? '');
  const created = tagValue(sources, CREATION_KEYS);
  return {
    durationSeconds: Number.isFinite(duration) && duration > 0 ? duration : 0,
    width: quarter ? video.height : video.width,
    height: quarter ? video.width : video.height,
    rotation,
    codec: video.codec_name ?? 'unknown',
    container: output.format?.format_name ?? 'unknown',
    createdAt: created && !Number.isNaN(Date.parse(created)) ? new Date(created).toISOString() : null,
    hasLocation: location !== null,
    location,
  };
}
