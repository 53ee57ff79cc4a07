import { useEffect, useMemo, useState } from 'react';
import type { CompoundCapability } from '../../../../shared/adjacent/adjacentPossible';
import { attachNetwork, engine } from '../../engine/engineClient';
import { useNetwork } from '../../hooks/useNetwork';

/**
 * The adjacent possible for this objective: skill combinations next to its requirements that the
 * network could form today but that are rarely combined, with the people who could form them and why.
 */
export function AdjacentPanel({ skills }: { skills: readonly string[] }) {
  const { doc, net } = useNetwork();
  const [found, setFound] = useState<CompoundCapability[] | null>(null);
  const names = useMemo(() => new Map(net.people.map((p) => [p.id, p.name])), [net.people]);
  const key = skills.join(',');
  useEffect(() => {
    if (!doc || !key) return;
    let live = true;
    const timer = setTimeout(async () => {
      await attachNetwork(doc);
      const result = await engine().adjacent(key.split(','), 6);
      if (live) setFound(result);
    }, 400);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [doc, key, net]);
  if (!skills.length) return null;
  return (
    <section className="step" aria-labelledby="step-adjacent" data-testid="adjacent-panel">
      <h3 id="step-adjacent">
        Adjacent possible <span className="muted small">new skill combinations next to this objective</span>
      </h3>
      {!found && <p className="muted small">Looking for combinations…</p>}
      {found && !found.length && <p className="muted small">No new combination stands out in this network.</p>}
      {found && found.length > 0 && (
        <ul className="adjacent">
          {found.map((c) => (
            <li key={c.skills.join('+')} data-testid="compound">
              <strong>{c.labels.join(' + ')}</strong>
              <div className="small">
                {c.holders.length > 0 ? `Held together by ${c.holders.slice(0, 3).map((id) => names.get(id) ?? id).join(', ')}` : ''}
                {c.holders.length > 0 && c.teams.length > 0 ? '; ' : ''}
                {c.teams.length > 0 ? `formed by ${c.teams.slice(0, 2).map((t) => t.map((id) => names.get(id) ?? id).join(' & ')).join(' or ')}` : ''}
              </div>
              <div className="small muted">{c.why.join('; ')}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
