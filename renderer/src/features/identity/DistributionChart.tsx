import { bin, max, mean } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { curveStepAfter, line } from 'd3-shape';
import { useThemeColours } from './useThemeColours';

const W = 220;
const H = 84;
const PAD = { top: 8, right: 8, bottom: 20, left: 8 };
const COLOURS = ['accent', 'ink', 'muted', 'line', 'warn'] as const;

/**
 * A small distribution of scores on [0, 1] (each put on its own scale first): bars for the raw scores,
 * a step line for the same scores corrected for their raters' inflation, and both means as ticks.
 */
export function DistributionChart({ label, raw, corrected, testId }: { label: string; raw: readonly number[]; corrected: readonly number[]; testId?: string }) {
  const c = useThemeColours(COLOURS);
  const x = scaleLinear().domain([0, 1]).range([PAD.left, W - PAD.right]);
  const binner = bin<number, number>().domain([0, 1]).thresholds([0.2, 0.4, 0.6, 0.8]);
  const rawBins = binner([...raw]);
  const corBins = binner([...corrected]);
  const top = Math.max(1, max(rawBins, (b) => b.length) ?? 1, max(corBins, (b) => b.length) ?? 1);
  const y = scaleLinear().domain([0, top]).range([H - PAD.bottom, PAD.top]);
  const steps = line<{ x: number; n: number }>()
    .x((d) => x(d.x))
    .y((d) => y(d.n))
    .curve(curveStepAfter)(corBins.map((b) => ({ x: b.x0 ?? 0, n: b.length })).concat([{ x: 1, n: corBins[corBins.length - 1]?.length ?? 0 }]));
  const rawMean = mean(raw);
  const corMean = mean(corrected);
  const summary = `${label}: ${raw.length} score${raw.length === 1 ? '' : 's'}, mean ${fmt(rawMean)} raw, ${fmt(corMean)} corrected for rating inflation`;
  return (
    <figure className="dist" data-testid={testId} data-count={raw.length} data-raw-mean={rawMean?.toFixed(3)} data-corrected-mean={corMean?.toFixed(3)}>
      <figcaption>
        <span className="strong">{label}</span>
        <span className="muted small">
          {' '}
          {raw.length} · raw {fmt(rawMean)} · corrected {fmt(corMean)}
        </span>
      </figcaption>
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
        <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} stroke={c.line} />
        {rawBins.map((b, i) => (
          <rect key={i} x={x(b.x0 ?? 0) + 2} width={Math.max(0, x(b.x1 ?? 1) - x(b.x0 ?? 0) - 4)} y={y(b.length)} height={H - PAD.bottom - y(b.length)} fill={c.accent} opacity={0.55} />
        ))}
        {steps && <path d={steps} fill="none" stroke={c.ink} strokeWidth={1.5} strokeDasharray="4 2" />}
        {rawMean !== undefined && <line x1={x(rawMean)} x2={x(rawMean)} y1={PAD.top} y2={H - PAD.bottom} stroke={c.accent} strokeWidth={2} />}
        {corMean !== undefined && <line x1={x(corMean)} x2={x(corMean)} y1={PAD.top} y2={H - PAD.bottom} stroke={c.ink} strokeWidth={2} strokeDasharray="2 2" />}
        {[0, 0.5, 1].map((t) => (
          <text key={t} x={x(t)} y={H - 6} fontSize={10} textAnchor={t === 0 ? 'start' : t === 1 ? 'end' : 'middle'} fill={c.muted}>
            {t === 0 ? 'low' : t === 1 ? 'high' : 'mid'}
          </text>
        ))}
      </svg>
    </figure>
  );
}

const fmt = (v: number | undefined) => (v === undefined ? '—' : `${Math.round(v * 100)}%`);

