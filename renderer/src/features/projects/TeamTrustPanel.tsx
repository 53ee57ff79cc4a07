import { useEffect, useState } from 'react';
import type { Person } from '../../../../shared/model/network';
import type { TeamTrust } from '../../../../shared/trust/teamTrust';
import { engine } from '../../engine/engineClient';

const pct = (t: number) => `${Math.round(t * 100)}%`;
/** Cell shade: stronger trust, stronger colour (mixed from the theme's colours). */
const shade = (t: number) => `color-mix(in srgb, var(--ok) ${Math.round(15 + 85 * t)}%, var(--panel-2))`;

/**
 * The trust paths between a team's members: a member-by-member matrix of best path trust, the
 * weakest pairs with their paths (where the team's trust is thinnest) and the outsiders it runs
 * through. Computed by the engine worker for the team on screen.
 */
export function TeamTrustPanel({ memberIds, people, networkKey }: { memberIds: string[]; people: Map<string, Person>; networkKey: string }) {
  const [trust, setTrust] = useState<TeamTrust | null>(null);
  const key = memberIds.join(',');
  useEffect(() => {
    let live = true;
    void Promise.resolve(engine().teamTrust(key.split(','))).then((t) => live && setTrust(t));
    return () => void (live = false);
  }, [key, networkKey]);
  const name = (id: string) => people.get(id)?.name ?? id;
  const initials = (id: string) =>
    name(id)
      .split(/\s+/)
      .map((w) => w[0])
      .join('')
      .slice(0, 2)
      .toUpperCase();
  if (!trust) return null;
  const ids = memberIds.filter((id, i) => memberIds.indexOf(id) === i);
  const byPair = new Map(trust.pairs.flatMap((p) => [[`${p.a}|${p.b}`, p] as const, [`${p.b}|${p.a}`, p] as const]));
  const unreachable = trust.pairs.filter((p) => p.trust === 0).length;
  const weakest = trust.pairs.slice(0, 3);
  const median = trust.pairs.length ? trust.pairs[Math.floor(trust.pairs.length / 2)].trust : 0;
  return (
    <details className="team-trust small" data-testid="team-trust">
      <summary>
        Trust paths between members: median {pct(median)}
        {unreachable ? `, ${unreachable} pair${unreachable === 1 ? '' : 's'} with no path` : ''}
      </summary>
      <table className="trust-matrix" aria-label="Best path trust between each pair of members">
        <thead>
          <tr>
            <td />
            {ids.map((id) => (
              <th key={id} scope="col" title={name(id)}>
                <abbr title={name(id)}>{initials(id)}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ids.map((row) => (
            <tr key={row}>
              <th scope="row" title={name(row)}>
                <abbr title={name(row)}>{initials(row)}</abbr>
              </th>
              {ids.map((col) => {
                if (row === col) return <td key={col} className="self" aria-label="same person" />;
                const p = byPair.get(`${row}|${col}`);
                const label = p && p.trust > 0 ? `${pct(p.trust)} via ${p.path.map(name).join(' → ')}` : 'no trust path';
                return <td key={col} style={{ background: shade(p?.trust ?? 0) }} title={`${name(row)} ↔ ${name(col)}: ${label}`} aria-label={label} />;
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <h5>Weakest links</h5>
      <ul className="trust-pairs" data-testid="weak-pairs">
        {weakest.map((p) => (
          <li key={`${p.a}|${p.b}`}>
            <strong>{name(p.a)}</strong> ↔ <strong>{name(p.b)}</strong>: {p.trust > 0 ? `${pct(p.trust)} via ${p.path.map(name).join(' → ')}` : 'no trust path: an introduction is needed'}
          </li>
        ))}
      </ul>
      {trust.bridges.length > 0 && (
        <p className="muted">
          Trust runs through {trust.bridges.slice(0, 3).map((b) => `${name(b.personId)} (${b.pairs} pair${b.pairs === 1 ? '' : 's'})`).join(', ')}: outside the team, worth keeping close.
        </p>
      )}
    </details>
  );
}
