import { getTranslations } from 'next-intl/server';
import type { CaseCharts } from '@/lib/charts/case-charts';
import { chartWords, type Translate } from '@/lib/charts/words';
import { PriceChart } from './price-chart';
import { TimelineChart } from './timeline-chart';

/** The self-audit's pictures on the audit step: orders over time, then unit prices per item. */
export async function AuditCharts({ charts }: { charts: CaseCharts }) {
  if (!charts.timeline && charts.prices.length === 0) return null;
  const t = await getTranslations('charts');
  const words = chartWords(charts, t as unknown as Translate);
  return (
    <section className="section-block" aria-labelledby="audit-charts-title" data-testid="audit-charts">
      <h3 id="audit-charts-title">{t('title')}</h3>
      <p className="hint">{t('intro')}</p>
      {charts.timeline && words.timeline && <TimelineChart chart={charts.timeline} words={words.timeline} />}
      {charts.prices.map((chart, i) => {
        const w = words.prices[i];
        return w ? <PriceChart key={chart.item} chart={chart} words={w} index={i} /> : null;
      })}
    </section>
  );
}
