import { priceGeometry, type Frame } from '@/lib/charts/geometry';
import type { PriceChart as Chart } from '@/lib/charts/prices';
import type { PriceWords } from '@/lib/charts/words';
import { ChartLegend } from './chart-legend';
import { ChartSvg } from './chart-svg';

export const PRICE_FRAME: Frame = { width: 440, height: 180, font: 11 };

/** One item's unit prices, the audit's outliers in the strong colour and counted above their bar. */
export function PriceChart({ chart, words, index }: { chart: Chart; words: PriceWords; index: number }) {
  return (
    <figure className="audit-chart" data-testid="chart-prices" style={{ margin: '1rem 0' }}>
      <figcaption>
        <strong>{words.title}</strong> <span className="hint">{words.axisX}</span>
      </figcaption>
      <ChartSvg id={`chart-prices-${index}`} frame={PRICE_FRAME} geometry={priceGeometry(chart, PRICE_FRAME)} title={words.title} desc={words.summary} ruleLabel={words.median} />
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
