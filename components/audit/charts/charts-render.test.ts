import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createTranslator } from 'use-intl/core';
import { describe, expect, it } from 'vitest';
import { chartFixture } from '@/lib/charts/fixture';
import { chartWords, type Translate } from '@/lib/charts/words';
import { DOCUMENT_MESSAGES } from '@/lib/i18n/document-messages';
import { PriceChart } from './price-chart';
import { TimelineChart } from './timeline-chart';

const words = (locale: 'zh-CN' | 'en', charts = chartFixture().charts) =>
  chartWords(charts, createTranslator({ locale, messages: DOCUMENT_MESSAGES[locale] as unknown as Record<string, never>, namespace: 'charts' as never }) as unknown as Translate);

describe('audit charts as SVG', () => {
  const { charts } = chartFixture();
  const timeline = charts.timeline;
  if (!timeline) throw new Error('fixture has a timeline');

  it('draws bars, the promotion, both bursts and an accessible name', () => {
    const w = words('zh-CN', charts).timeline;
    if (!w) throw new Error('words');
    const html = renderToStaticMarkup(createElement(TimelineChart, { chart: timeline, words: w }));
    expect(html).toContain('role="img"');
    expect(html).toMatch(/<title id="chart-timeline-wide-title">订单时间分布 · 每日订单数/);
    // A wide and a narrow drawing (CSS shows one), each with a bar per non-empty day.
    expect(html.match(/<svg class="chart-(wide|narrow)"/g)).toHaveLength(2);
    expect(html.match(/data-bar=/g)).toHaveLength(2 * timeline.bins.filter((b) => b.total > 0).length);
    expect(html).toContain('data-shade="店庆"');
    expect(html).toContain('data-marker="explained"');
    expect(html).toContain('data-marker="unexplained"');
    for (const label of ['促销活动', '被处罚订单', '其他订单', '订单激增（无促销）', '订单激增（促销期间）']) expect(html).toContain(label);
    // The plain-text summary says which burst the promotion explains.
    expect(html).toContain('2026-03-07 全天 40 笔，在申报的促销期间');
    expect(html).toContain('2026-03-12 全天 40 笔，不在任何申报的促销期间');
  });

  it('marks the price outliers and the median, in English too', () => {
    const [chart] = charts.prices;
    const w = words('en', charts).prices[0];
    if (!chart || !w) throw new Error('fixture has a price chart');
    const html = renderToStaticMarkup(createElement(PriceChart, { chart, words: w, index: 0 }));
    expect(html).toContain('Unit prices: 蓝牙耳机');
    expect(html).toContain('data-marker="outlier"');
    expect(html).toContain('data-bar="outlier"');
    expect(html).toContain('median ¥199.00');
    expect(html).toContain('The self-audit marks 2 price outliers');
    expect(html).not.toMatch(/NaN|undefined/);
  });
});
