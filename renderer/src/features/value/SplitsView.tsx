import { scaleBand, scaleLinear } from 'd3-scale';
import { useMemo } from 'react';
import { createRng } from '../../../../shared/util/rng';
import { setAgreedSplit, setContribution, setGives } from '../../../../shared/value/doc/valueDoc';
import { roiChartData } from '../../../../shared/value/roiData';
import { compareSplits } from '../../../../shared/value/splits/compareSplits';
import { contributionSplit } from '../../../../shared/value/splits/fairSplit';
import { peerShares } from '../../../../shared/value/splits/peerAllocation';
import { estimateTax } from '../../../../shared/value/tax/estimateTax';
import { LOCAL } from '../../session/rooms';
import { useUi } from '../../state/uiStore';
import { formatMinor } from './useValue';
import type { ValueTabProps } from './valueTab';

type Props = ValueTabProps;

/** Fair splits (agreed, contribution-weighted Shapley, peer allocation), tax estimates and ROI. */
export function SplitsView({ doc, value, ledger, net, me, name }: Props) {
  const notify = useUi((s) => s.notify);
  const members = useMemo(() => [...new Set(value.milestones.map((m) => m.payee))], [value.milestones]);
  const currency = value.milestones[0]?.currency ?? 'EUR';
  const released = ledger.replay.milestones.reduce((s, m) => s + m.released, 0);
  const planned = value.milestones.reduce((s, m) => s + m.budget, 0);
  const total = released || planned;
  const level = (ms: string, p: string) => value.contributions[ms]?.[p] ?? (value.milestones.find((m) => m.id === ms)?.payee === p ? 1 : 0);
  const split = useMemo(() => {
    if (!members.length) return undefined;
    const milestones = value.milestones.map((m) => ({ id: m.id, value: m.value || m.budget, parts: [{ id: 'work', weight: 1 }], contributions: Object.fromEntries(members.map((p) => [p, { work: level(m.id, p) }])) }));
    return contributionSplit(members, milestones, { rng: createRng(7), relativeError: 0.02 });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [members, value.milestones, value.contributions]);
  let peer: Record<string, number> = {};
  let peerNote = '';
  try {
    const r = peerShares(members, { budget: 100, gives: Object.fromEntries(Object.entries(value.gives).filter(([g]) => members.includes(g))) });
    peer = r.shares;
    if (r.silent.length) peerNote = `not yet allocated: ${r.silent.map(name).join(', ')}`;
  } catch (e) {
    peerNote = (e as Error).message;
  }
  const agreed = Object.keys(value.agreed).length ? value.agreed : Object.fromEntries(members.map((m) => [m, 1]));
  const rows = split ? compareSplits({ total, agreed, shapley: split.shares, peer }) : [];
  const payerOf = (p: string) => value.milestones.find((m) => m.payee === p)?.payer;
  const country = (id: string | undefined) => net.people.find((p) => p.id === id)?.location?.country;
  const roi = roiChartData(value.milestones, ledger.replay.milestones);
  const sign = (x: number) => (x > 0 ? `+${formatMinor(x, currency)}` : formatMinor(x, currency));
  const safe = (f: () => void) => {
    try {
      f();
    } catch (e) {
      notify((e as Error).message, 'error');
    }
  };

  if (!members.length) return <p className="muted">Add milestones with payees to compare splits.</p>;
  return (
    <div className="value-splits" data-testid="splits-view">
      <h3>Splits of {formatMinor(total, currency)} {released ? '(released)' : '(planned)'}</h3>
      <table className="value-table" data-testid="splits-table">
        <thead>
          <tr><th>member</th><th>agreed</th><th>contribution (Shapley)</th><th>Δ</th><th>peer allocation</th><th>Δ</th></tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.personId}>
              <td>{name(r.personId)}</td>
              <td>
                {formatMinor(r.agreed, currency)}{' '}
                <input className="value-share" type="number" min={0} step={1} defaultValue={value.agreed[r.personId] ?? 1} aria-label={`agreed share of ${name(r.personId)}`} onBlur={(e) => safe(() => setAgreedSplit(doc, { ...agreed, [r.personId]: Number(e.target.value) }, LOCAL))} />
              </td>
              <td>{formatMinor(r.shapley, currency)}{split && !split.exact ? ` ±${(split.errorBound[r.personId] / (total || 1)).toFixed(3)}` : ''}</td>
              <td className={r.shapleyDiff < 0 ? 'neg' : 'pos'}>{sign(r.shapleyDiff)}</td>
              <td>{formatMinor(r.peer, currency)}</td>
              <td className={r.peerDiff < 0 ? 'neg' : 'pos'}>{sign(r.peerDiff)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small muted">
        Contribution split: Shapley values of the milestones’ value, where each milestone is delivered as well as its best contributor did it; {split?.exact ? 'exact' : `sampled, ±bound at ${((split?.confidence ?? 0) * 100).toFixed(0)}% confidence`}. Peer allocation: each member gives 100 tokens to the others. {peerNote}
      </p>
      <details>
        <summary>Contribution levels (0–1) per milestone</summary>
        <table className="value-table small">
          <thead><tr><th>milestone</th>{members.map((p) => <th key={p}>{name(p)}</th>)}</tr></thead>
          <tbody>
            {value.milestones.map((m) => (
              <tr key={m.id}>
                <td>{m.title}</td>
                {members.map((p) => (
                  <td key={p}><input type="number" min={0} max={1} step={0.1} defaultValue={level(m.id, p)} aria-label={`${name(p)} on ${m.title}`} onBlur={(e) => safe(() => setContribution(doc, m.id, p, Number(e.target.value), LOCAL))} /></td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      {members.includes(me) && (
        <details>
          <summary>Your peer allocation (100 tokens to the others)</summary>
          {members.filter((p) => p !== me).map((p) => (
            <label key={p} className="small">
              {name(p)} <input type="number" min={0} max={100} defaultValue={value.gives[me]?.[p] ?? 0} onBlur={(e) => safe(() => setGives(doc, me, { ...(value.gives[me] ?? {}), [p]: Number(e.target.value) }, LOCAL))} />
            </label>
          ))}
        </details>
      )}
      <h3>Tax estimates</h3>
      <p className="value-disclaimer small">Estimates from a documented table of rates (each with its source and date), not tax advice. Treaties, thresholds and where the work is done change the answer.</p>
      <table className="value-table" data-testid="tax-table">
        <thead><tr><th>member</th><th>country</th><th>gross</th><th>withholding (est.)</th><th>VAT/GST (est.)</th><th>flags</th></tr></thead>
        <tbody>
          {rows.map((r) => {
            const t = estimateTax({ amount: r.agreed, payerCountry: country(payerOf(r.personId)), memberCountry: country(r.personId) });
            return (
              <tr key={r.personId}>
                <td>{name(r.personId)}</td>
                <td>{country(r.personId) ?? '?'}</td>
                <td>{formatMinor(t.gross, currency)}</td>
                <td title={t.withholding ? `${t.withholding.source} (since ${t.withholding.since})` : ''}>{t.withholding ? `${(t.withholding.rate * 100).toFixed(2)}% = ${formatMinor(t.withholding.amount, currency)}` : 'none'}</td>
                <td title={t.vat ? `${t.vat.source} (since ${t.vat.since})` : ''}>{t.vat ? `${t.vat.label} ${(t.vat.rate * 100).toFixed(1)}% (${t.vat.by})` : 'none'}</td>
                <td className="small">{t.flags.map((f) => <div key={f.code + f.message} className="value-flag" title={f.message}>{f.code}</div>)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>ROI</h3>
      <RoiChart data={roi} currency={currency} />
    </div>
  );
}

function RoiChart({ data, currency }: { data: ReturnType<typeof roiChartData>; currency: string }) {
  const W = 520;
  const H = 180;
  const M = { l: 70, r: 10, t: 10, b: 40 };
  const x = scaleBand<string>().domain(data.rows.map((r) => r.id)).range([M.l, W - M.r]).padding(0.25);
  const y = scaleLinear().domain([0, Math.max(1, ...data.rows.flatMap((r) => [r.value, r.cost]))]).nice().range([H - M.b, M.t]);
  const bw = x.bandwidth() / 2;
  return (
    <figure className="value-chart" data-testid="roi-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Value delivered against cost per milestone">
        {y.ticks(4).map((t) => (
          <g key={t}>
            <line x1={M.l} x2={W - M.r} y1={y(t)} y2={y(t)} className="grid" />
            <text x={M.l - 6} y={y(t)} dy="0.32em" textAnchor="end" className="tick">{formatMinor(t, currency)}</text>
          </g>
        ))}
        {data.rows.map((r) => (
          <g key={r.id}>
            <rect x={x(r.id)} y={y(r.value)} width={bw} height={y(0) - y(r.value)} className="bar-value" />
            <rect x={(x(r.id) ?? 0) + bw} y={y(r.cost)} width={bw} height={y(0) - y(r.cost)} className="bar-cost" />
            <text x={(x(r.id) ?? 0) + bw} y={H - M.b + 14} textAnchor="middle" className="tick">{r.title.slice(0, 14)}</text>
            <text x={(x(r.id) ?? 0) + bw} y={H - M.b + 28} textAnchor="middle" className="tick">{r.roi === undefined ? '—' : `${(r.roi * 100).toFixed(0)}%`}</text>
          </g>
        ))}
      </svg>
      <figcaption className="small muted">
        <span className="key bar-value" /> value delivered <span className="key bar-cost" /> cost (released) · project ROI {data.project.roi === undefined ? '—' : `${(data.project.roi * 100).toFixed(0)}%`}
      </figcaption>
    </figure>
  );
}
