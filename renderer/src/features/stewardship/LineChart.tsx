import { extent } from 'd3-array';
import { scaleLinear, scaleTime } from 'd3-scale';
import { curveMonotoneX, curveStepAfter, line } from 'd3-shape';

export interface Series {
  name: string;
  className: string;
  points: { at: number; value: number }[];
  step?: boolean;
}

/** A small time chart: d3 computes the scales and paths, React draws the SVG. */
export function LineChart({ series, label, testId, norm, integer = false, format = (v) => v.toFixed(2) }: { series: Series[]; label: string; testId: string; norm?: { value: number; name: string }; integer?: boolean; format?: (v: number) => string }) {
  const W = 460;
  const H = 150;
  const M = { l: 44, r: 10, t: 10, b: 22 };
  const all = series.flatMap((s) => s.points);
  const [x0, x1] = extent(all, (p) => p.at) as [number | undefined, number | undefined];
  const values = [...all.map((p) => p.value), ...(norm ? [norm.value] : [])];
  const x = scaleTime().domain([new Date(x0 ?? 0), new Date(x1 ?? 1)]).range([M.l, W - M.r]);
  const y = scaleLinear().domain([Math.min(0, ...values), Math.max(0.01, ...values)]).nice().range([H - M.b, M.t]);
  return (
    <figure className="value-chart" data-testid={testId}>
      <figcaption className="small">{label}</figcaption>
      {all.length === 0 ? (
        <p className="small muted">No data yet.</p>
      ) : (
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
          {y.ticks(4).filter((t) => !integer || Number.isInteger(t)).map((t) => (
            <g key={t}>
              <line x1={M.l} x2={W - M.r} y1={y(t)} y2={y(t)} className="grid" />
              <text x={M.l - 4} y={y(t)} dy="0.32em" textAnchor="end" className="tick">{format(t)}</text>
            </g>
          ))}
          {x.ticks(4).map((t) => (
            <text key={t.getTime()} x={x(t)} y={H - 6} textAnchor="middle" className="tick">{t.toISOString().slice(5, 10)}</text>
          ))}
          {norm && <line x1={M.l} x2={W - M.r} y1={y(norm.value)} y2={y(norm.value)} className="norm"><title>{norm.name}</title></line>}
          {series.map((s) => {
            const d = line<{ at: number; value: number }>().x((p) => x(new Date(p.at))).y((p) => y(p.value)).curve(s.step ? curveStepAfter : curveMonotoneX)(s.points);
            return (
              <g key={s.name} className={s.className}>
                <path d={d ?? ''} fill="none" />
                {s.points.map((p, i) => <circle key={i} cx={x(new Date(p.at))} cy={y(p.value)} r={2.5} />)}
              </g>
            );
          })}
        </svg>
      )}
      <div className="small muted">{series.map((s) => <span key={s.name} className={`legend ${s.className}`}>■ {s.name} </span>)}{norm ? <span className="legend norm">— {norm.name}</span> : null}</div>
    </figure>
  );
}
