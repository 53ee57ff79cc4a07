import { useEffect, useMemo, useState } from 'react';
import type { RoleRecord } from '../../../../shared/model/docs/projectTeam';
import { attachNetwork, engine } from '../../engine/engineClient';
import type { PlanResult } from '../../engine/engineApi';
import { useNetwork } from '../../hooks/useNetwork';
import { coverageSummary } from './coverageSummary';
import { formatLevel, LEVEL_MAX } from '../people/levels';


const STATUS = { gap: 'Gap: nobody qualifies', thin: 'Single point of failure', ok: 'Covered by several' } as const;
const STATUS_HELP = {
  gap: 'Nobody in your network has this capability at the level needed.',
  thin: 'Exactly one person in your network qualifies: if they are busy or leave, this capability is gone.',
  ok: 'Several people in your network qualify.',
} as const;

/**
 * The forecast of an objective and coverage against this workspace's network: of the project's
 * accepted requirements when it has them, of the forecast's otherwise. Computed by the engine in a
 * Web Worker, a moment after typing stops.
 */
export function useObjectivePlan(objective: string, roles: readonly RoleRecord[]): PlanResult | null {
  const { doc, net } = useNetwork();
  const [plan, setPlan] = useState<PlanResult | null>(null);
  const text = objective.trim();
  const accepted = useMemo(() => (roles.length ? roles.map((r) => ({ skill: r.skill, level: r.minLevel })) : undefined), [roles]);
  useEffect(() => {
    if (!text) return;
    let live = true;
    const timer = setTimeout(async () => {
      const e = engine();
      if (doc) await attachNetwork(doc);
      const result = await e.plan(text, accepted);
      if (live) setPlan(result);
    }, 350);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, net, accepted, doc]);
  return text ? plan : null;
}

/** The capabilities, in phases, with their coverage: single points of failure and gaps named as such. */
export function CapabilitiesPanel({ objective, plan, roles }: { objective: string; plan: PlanResult | null; roles: readonly RoleRecord[] }) {
  const text = objective.trim();
  if (!text) return <p className="muted">Write an objective to see the capabilities it needs.</p>;
  if (!plan) return <p className="muted">Reading the objective…</p>;
  if (!plan.ok) return <p className="warning">{plan.error}</p>;
  const lines = new Map(plan.coverage.map((c) => [c.skill, c]));
  const rows = roles.length ? roles.map((r) => ({ key: r.id, skill: r.skill, label: r.label, level: r.minLevel, why: r.why ?? 'added by hand' })) : plan.forecast.requirements.map((r) => ({ key: r.skill, ...r }));
  return (
    <section className="capabilities" data-testid="capabilities">
      <h3>
        Capabilities{' '}
        <span className="muted small" data-testid="coverage-summary">
          {coverageSummary(rows.map((r) => ({ status: lines.get(r.skill)?.status ?? 'gap' })))}
        </span>
      </h3>
      <ol className="pathway" aria-label="Capability pathway">
        {plan.forecast.pathway.map((phase) => (
          <li key={phase.id} className="phase" data-testid="phase">
            <strong>{phase.name}</strong>
            {phase.dependsOn.length > 0 && <span className="muted small"> after {phase.dependsOn.map((d) => plan.forecast.pathway.find((p) => p.id === d)?.name ?? d).join(', ')}</span>}
          </li>
        ))}
      </ol>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Capabilities and coverage">
      <table className="table compact">
        <thead>
          <tr>
            <th>Capability</th>
            <th className="num">Level (0–{LEVEL_MAX})</th>
            <th className="num">Qualified</th>
            <th>Strongest</th>
            <th>Coverage</th>
            <th>Why</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const c = lines.get(r.skill);
            return (
              <tr key={r.key} data-testid="capability-row" data-skill={r.skill} data-status={c?.status}>
                <td className="strong">{r.label}</td>
                <td className="num">{formatLevel(r.level)}</td>
                <td className="num">{c?.qualified ?? 0}</td>
                <td>{c?.best ? `${c.best.name} (${formatLevel(c.best.level)})` : '—'}</td>
                <td>
                  <span className={`status status-${c?.status ?? 'gap'}`} title={STATUS_HELP[c?.status ?? 'gap']}>
                    {c?.status === 'thin' && <span aria-hidden>⚠ </span>}
                    {STATUS[c?.status ?? 'gap']}
                  </span>
                </td>
                <td className="muted small">{r.why}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      </div>
    </section>
  );
}
