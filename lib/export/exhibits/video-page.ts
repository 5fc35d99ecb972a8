import 'server-only';
import { MARGIN, MUTED, type Typesetter } from '@/lib/pdf/layout';
import { chinaTime } from '../bundle-text';
import type { Exhibit } from '../collect';
import type { ExhibitContext } from '../exhibit-pages';
import { encoded, IMAGE_BOX } from '../images';
import { manifestRows } from '../manifest';
import { codecName, type VideoContent } from './video';
import { formatTimestamp } from '@/lib/media/sheet-layout';

/**
 * A video exhibit's page, below its caption (which carries the SHA-256): the probed facts, where
 * the original is (the ZIP, under its exhibit id: a video is never attached inside the PDF), then
 * the contact sheet with each frame's time written as text under it, or a box saying why there
 * is no sheet.
 */
export async function renderVideo({ ts, text }: ExhibitContext, x: Exhibit, content: VideoContent): Promise<void> {
  const { b } = text;
  const v = x.video;
  // The same name the ZIP gives it (exhibit ids are unique, so the name needs no other rows).
  const zipName = manifestRows([x])[0]?.fileName ?? x.exhibitId;
  const facts: [string, string][] = [
    ...(v
      ? [
          [b('video.duration'), b('video.durationValue', { time: formatTimestamp(v.seconds), seconds: v.seconds.toFixed(1) })] as [string, string],
          [b('video.resolution'), `${v.width} × ${v.height}`] as [string, string],
          [b('video.codec'), v.codec ? codecName(v.codec) : b('video.notRecorded')] as [string, string],
          [b('video.createdAt'), v.createdAt ? chinaTime(v.createdAt) : b('video.notRecorded')] as [string, string],
        ]
      : []),
    [b('video.original'), x.omitOriginal ? b('video.omitted') : b('video.inZip', { file: zipName })],
  ];

  if (!content.sheet) {
    noSheetBox(ts, b, facts, x, content.noSheet ?? 'videoNoSheet');
    return;
  }
  const { image, labels, times } = content.sheet;
  ts.fields(facts, { size: 8.5, labelWidth: 80 });
  ts.text(b('video.derived', { count: times.length }), { size: 8, color: MUTED });
  // Drawn from an older layout: the times as a line, since they cannot sit under their frames.
  if (labels.length === 0) ts.text(b('video.times', { times: times.join('  ') }), { size: 8, color: MUTED });

  // Shrinks to the room left below the caption down to 60 %, else the sheet starts the next page.
  const room = () => ts.y - 6 - MARGIN.bottom;
  if (room() < image.drawHeight * 0.6) ts.newPage();
  const scale = Math.min(1, room() / image.drawHeight);
  const width = image.drawWidth * scale;
  const height = image.drawHeight * scale;
  const left = MARGIN.left + (IMAGE_BOX.width - width) / 2;
  const top = ts.y - 6;
  ts.page.drawImage(await ts.doc.embedJpg(encoded(image)), { x: left, y: top - height, width, height });
  for (const label of labels) {
    const size = Math.min(9, label.height * height * 0.6);
    ts.draw(label.text, { x: left + label.x * width + 2, y: top - (label.y + label.height * 0.72) * height, size, font: ts.font() });
  }
  ts.y = top - height;
}

function noSheetBox(ts: Typesetter, b: ExhibitContext['text']['b'], facts: [string, string][], x: Exhibit, reason: NonNullable<VideoContent['noSheet']>): void {
  ts.gap(20);
  const top = ts.y;
  ts.text(b('video.noSheetTitle'), { size: 15, bold: true, indent: 14 });
  ts.gap(4);
  ts.fields([[b('video.reason'), b(`video.reasons.${reason}`)], ...facts, [b('video.sha256'), x.sha256]], { size: 10, labelWidth: 100 });
  ts.text(b('video.noSheetIntro'), { size: 9.5, color: MUTED, indent: 14 });
  ts.page.drawRectangle({ x: MARGIN.left - 6, y: ts.y - 8, width: ts.width + 12, height: top - ts.y + 8, borderColor: MUTED, borderWidth: 1, borderDashArray: [4, 3] });
}
