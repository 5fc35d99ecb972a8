import { CHART_COLORS, type ChartColor } from '@/lib/charts/palette';

/** The legend as HTML under the drawing: it wraps on a phone, and screen readers read it as a list. */
export function ChartLegend({ items }: { items: ReadonlyArray<{ color: ChartColor; label: string; shape?: 'box' | 'triangle' }> }) {
  return (
    <ul className="chart-legend" style={{ display: 'flex', flexWrap: 'wrap', gap: '0.3rem 1rem', listStyle: 'none', padding: 0, margin: '0.4rem 0', fontSize: '0.85rem' }}>
      {items.map(({ color, label, shape = 'box' }) => (
        <li key={label} style={{ display: 'inline-flex', alignItems: 'center', gap: '0.35rem' }}>
          <span
            aria-hidden="true"
            style={
              shape === 'box'
                ? { width: '0.8rem', height: '0.8rem', background: CHART_COLORS[color], display: 'inline-block', borderRadius: 2 }
                : { width: 0, height: 0, borderLeft: '0.45rem solid transparent', borderRight: '0.45rem solid transparent', borderTop: `0.7rem solid ${CHART_COLORS[color]}`, display: 'inline-block' }
            }
          />
          {label}
        </li>
      ))}
    </ul>
  );
}
