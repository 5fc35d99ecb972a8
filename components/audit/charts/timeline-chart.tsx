import { timelineGeometry, type Frame } from '@/lib/charts/geometry';
import type { TimelineChart as Chart } from '@/lib/charts/timeline';
import type { TimelineWords } from '@/lib/charts/words';
import { ChartLegend } from './chart-legend';
import { ChartSvg } from './chart-svg';

/**
 * Two drawings, one shown by the page's width (globals.css .chart-wide/.chart-narrow): a viewBox
 * scales its text with it, so one drawing is either tiny on a phone or huge on a desktop. The
 * narrow one's 320 units across keep tick labels near 10 px on a 360 px screen.
 */
export const TIMELINE_FRAMES: Record<'wide' | 'narrow', Frame> = { wide: { width: 640, height: 250, font: 11 }, narrow: { width: 320, height: 210, font: 12 } };

/** Orders over the case's period: what a reviewer looks at first when the accusation is a burst. */
export function TimelineChart({ chart, words }: { chart: Chart; words: TimelineWords }) {
  const hasBurst = (explained: boolean) => chart.bursts.some((b) => b.explained === explained);
  return (
    <figure className="audit-chart" data-testid="chart-timeline" style={{ margin: '1rem 0' }}>
      <figcaption>
        <strong>{words.title}</strong> <span className="hint">{words.bin}</span>
      </figcaption>
      {(['wide', 'narrow'] as const).map((size) => (
        <ChartSvg
          key={size}
          className={`chart-${size}`}
          id={`chart-timeline-${size}`}
          frame={TIMELINE_FRAMES[size]}
          geometry={timelineGeometry(chart, TIMELINE_FRAMES[size])}
          title={`${words.title} · ${words.bin}`}
          desc={`${words.summary} ${words.bursts}`}
        />
      ))}
      <ChartLegend
        items={[
          ...(chart.promotions.length > 0 ? [{ color: 'promotion' as const, label: words.legend.promotion }] : []),
          { color: 'strong', label: words.legend.flagged },
          { color: 'other', label: words.legend.other },
          ...(hasBurst(false) ? [{ color: 'unexplained' as const, label: words.legend.burst, shape: 'triangle' as const }] : []),
          ...(hasBurst(true) ? [{ color: 'explained' as const, label: words.legend.burstExplained, shape: 'triangle' as const }] : []),
        ]}
      />
      <p className="hint" data-testid="chart-timeline-summary">
        {words.summary} {words.bursts} {words.promotions}
      </p>
    </figure>
  );
}
