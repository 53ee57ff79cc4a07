import type { NetworkSnapshot } from '../../../../shared/model/docs/networkDoc';
import { aroundNow } from '../../../../shared/stewardship/aroundNow';

/** Against isolation: who of the team is in their working day now, and how many hours each shares with you. */
export function AroundNowList({ members, net, me, name, now }: { members: string[]; net: NetworkSnapshot; me: string; name: (id: string) => string; now: number }) {
  const tz = new Map(net.people.map((p) => [p.id, p.timezone]));
  const mine = tz.get(me) ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const rows = aroundNow(members.filter((m) => m !== me).map((id) => ({ id, timezone: tz.get(id) })), mine, now);
  if (!rows.length) return null;
  return (
    <section data-testid="around-now">
      <h3>Who is around now</h3>
      <ul className="steward-around">
        {rows.map((r) => (
          <li key={r.personId} className={r.around ? 'around' : ''} data-testid="around-person" data-around={r.around}>
            <span className="dot" aria-hidden>●</span> {name(r.personId)} <span className="muted small">{r.localTime} {r.timezone ?? 'time zone unknown'} · {r.overlapHours} h a day in common with you</span>
          </li>
        ))}
      </ul>
      <p className="small muted">Working day 09:00–17:00 local, Monday to Friday, until the team’s agreement sets its own hours.</p>
    </section>
  );
}
