import type { ChartGeometry, Frame, Marker } from '@/lib/charts/geometry';
import { CHART_COLORS as C } from '@/lib/charts/palette';

type Props = { id: string; frame: Frame; geometry: ChartGeometry; title: string; desc: string; ruleLabel?: string; className?: string };

/** A downward triangle over a bar, the count beside it when there is one. */
function MarkerMark({ m, font }: { m: Marker; font: number }) {
  const s = font * 0.45;
  const top = m.y - s * 2.2;
  return (
    <g data-marker={m.kind}>
      <path d={`M${m.x - s} ${top} L${m.x + s} ${top} L${m.x} ${top + s * 1.6} Z`} fill={C[m.kind]} />
      {m.label && (
        <text x={m.x} y={top - font * 0.25} fontSize={font * 0.85} textAnchor="middle" fill={C[m.kind]}>
          {m.label}
        </text>
      )}
    </g>
  );
}

/**
 * The drawing both audit charts share: gridlines and count ticks, shaded spans with their labels,
 * bars with their strong (flagged or outlier) part at the base, markers, an optional rule. Scales
 * with its container through the viewBox; title and desc name it for screen readers.
 */
export function ChartSvg({ id, frame, geometry: g, title, desc, ruleLabel, className }: Props) {
  const { plot, font } = { ...g, font: frame.font };
  return (
    <svg className={className} viewBox={`0 0 ${frame.width} ${frame.height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} style={{ width: '100%', height: 'auto', display: 'block' }} fontFamily="inherit">
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      {g.shades.map((s, i) => (
        <g key={`s${i}`} data-shade={s.label}>
          <rect x={s.x} y={s.top} width={s.w} height={plot.y1 - s.top} fill={C.promotion} fillOpacity={0.55} />
          <text x={s.x + 1} y={s.labelY} fontSize={font * 0.9} fill={C.promotionText}>{s.label}</text>
        </g>
      ))}
      {g.yTicks.map((t) => (
        <g key={`y${t.label}`}>
          <line x1={plot.x0} x2={plot.x1} y1={t.at} y2={t.at} stroke={C.grid} strokeWidth={0.6} />
          <text x={plot.x0 - font * 0.35} y={t.at + font * 0.35} fontSize={font * 0.9} textAnchor="end" fill={C.axis}>{t.label}</text>
        </g>
      ))}
      {g.bars.map((b, i) => (
        <g key={`b${i}`} data-bar={b.mark ?? 'plain'}>
          <rect x={b.x} y={b.top} width={b.w} height={plot.y1 - b.top} fill={C.other} />
          {b.strongTop < plot.y1 && <rect x={b.x} y={b.strongTop} width={b.w} height={plot.y1 - b.strongTop} fill={C.strong} />}
        </g>
      ))}
      <line x1={plot.x0} x2={plot.x1} y1={plot.y1} y2={plot.y1} stroke={C.axis} strokeWidth={0.8} />
      {g.xTicks.map((t) => (
        <g key={`x${t.at}`}>
          <line x1={t.at} x2={t.at} y1={plot.y1} y2={plot.y1 + font * 0.3} stroke={C.axis} strokeWidth={0.8} />
          <text x={t.labelAt} y={plot.y1 + font * 1.35} fontSize={font * 0.9} textAnchor="middle" fill={C.axis}>{t.label}</text>
        </g>
      ))}
      {g.rule && (
        <g data-rule="median">
          <line x1={g.rule.x} x2={g.rule.x} y1={plot.y0} y2={plot.y1} stroke={C.ink} strokeWidth={0.9} strokeDasharray="3 2" />
          {ruleLabel && (
            <text x={Math.min(g.rule.x + 3, plot.x1)} y={plot.y0 - font * 0.4} fontSize={font * 0.9} textAnchor={g.rule.x > (plot.x0 + plot.x1) / 2 ? 'end' : 'start'} fill={C.ink}>{ruleLabel}</text>
          )}
        </g>
      )}
      {g.markers.map((m, i) => <MarkerMark key={`m${i}`} m={m} font={font} />)}
    </svg>
  );
}
