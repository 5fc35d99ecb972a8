import { timelineGeometry, type Frame } from '@/lib/charts/geometry';
import type { TimelineChart as Chart } from '@/lib/charts/timeline';
import type { TimelineWords } from '@/lib/charts/words';
import { ChartLegend } from './chart-legend';
import { ChartSvg } from './chart-svg';

/** Few user units across, so the viewBox scales text no smaller than ~8 px on a 360 px phone. */
export const TIMELINE_FRAME: Frame = { width: 440, height: 220, font: 11 };

/** Orders over the case's period: what a reviewer looks at first when the accusation is a burst. */
export function TimelineChart({ chart, words }: { chart: Chart; words: TimelineWords }) {
  const hasBurst = (explained: boolean) => chart.bursts.some((b) => b.explained === explained);
  return (
    <figure className="audit-chart" data-testid="chart-timeline" style={{ margin: '1rem 0' }}>
      <figcaption>
        <strong>{words.title}</strong> <span className="hint">{words.bin}</span>
      </figcaption>
      <ChartSvg id="chart-timeline" frame={TIMELINE_FRAME} geometry={timelineGeometry(chart, TIMELINE_FRAME)} title={`${words.title} · ${words.bin}`} desc={`${words.summary} ${words.bursts}`} />
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
