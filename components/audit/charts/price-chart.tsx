import { priceGeometry, type Frame } from '@/lib/charts/geometry';
import type { PriceChart as Chart } from '@/lib/charts/prices';
import type { PriceWords } from '@/lib/charts/words';
import { ChartLegend } from './chart-legend';
import { ChartSvg } from './chart-svg';

/** As TIMELINE_FRAMES: one drawing for wide pages, one for phones. */
export const PRICE_FRAMES: Record<'wide' | 'narrow', Frame> = { wide: { width: 640, height: 200, font: 11 }, narrow: { width: 320, height: 180, font: 12 } };

/** One item's unit prices, the audit's outliers in the strong colour and counted above their bar. */
export function PriceChart({ chart, words, index }: { chart: Chart; words: PriceWords; index: number }) {
  return (
    <figure className="audit-chart" data-testid="chart-prices" style={{ margin: '1rem 0' }}>
      <figcaption>
        <strong>{words.title}</strong> <span className="hint">{words.axisX}</span>
      </figcaption>
      {(['wide', 'narrow'] as const).map((size) => (
        <ChartSvg
          key={size}
          className={`chart-${size}`}
          id={`chart-prices-${index}-${size}`}
          frame={PRICE_FRAMES[size]}
          geometry={priceGeometry(chart, PRICE_FRAMES[size])}
          title={words.title}
          desc={words.summary}
          ruleLabel={words.median}
        />
      ))}
      <ChartLegend
        items={[
          ...(chart.outliers.length > 0 ? [{ color: 'outlier' as const, label: words.legend.outlier }] : []),
          { color: 'other', label: words.legend.other },
        ]}
      />
      <p className="hint">{words.summary}</p>
    </figure>
  );
}
