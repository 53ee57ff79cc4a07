import { useMemo, useState, type FormEvent } from 'react';
import { TIE_KINDS, type Tie } from '../../../../shared/model/network';
import { DataTable, type Column } from '../../components/tableTools';
import { deleteTie, setTie, updateTie } from '../../../../shared/model/docs/networkDoc';
import { PersonPicker } from '../../components/PersonPicker';
import { resolvePerson } from '../../components/personSearch';
import { useAct } from '../../hooks/useSession';
import { useNetwork } from '../../hooks/useNetwork';
import { LOCAL } from '../../session/rooms';
import { useUi } from '../../state/uiStore';

const PAGE = 250;
/** The weakest trust a tie can carry (a tie's length is -ln(trust), so 0 is not a tie). */
const TRUST_MIN = 0.05;

/** Who trusts whom, and how much. A tie is directed: A's trust in B need not equal B's in A. */
export function TiesView() {
  const { doc, net } = useNetwork();
  const filter = useUi((s) => s.tiesFilter);
  const setFilter = useUi((s) => s.setTiesFilter);
  const notify = useUi((s) => s.notify);
  const linked = useUi((s) => s.selectedPeople);
  const setLinked = useUi((s) => s.setSelectedPeople);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [trust, setTrust] = useState(0.7);
  const [kind, setKind] = useState<string>('worked-with');
  const names = useMemo(() => new Map(net.people.map((p) => [p.id, p.name])), [net.people]);
  const act = useAct();
  const refs = useMemo(() => net.people.map((p) => ({ id: p.id, name: p.name, city: p.location?.city })), [net.people]);
  const [formError, setFormError] = useState<string | null>(null);
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return q ? net.ties.filter((t) => names.get(t.from)?.toLowerCase().includes(q) || names.get(t.to)?.toLowerCase().includes(q)) : net.ties;
  }, [net.ties, names, filter]);
  const columns = useMemo(
    (): Record<string, Column<Tie>> => ({
      from: { label: 'From', sort: (t) => names.get(t.from) },
      to: { label: 'To', sort: (t) => names.get(t.to) },
      trust: { label: 'Trust', sort: (t) => t.trust },
      kind: { label: 'Kind', sort: (t) => t.kind },
    }),
    [names],
  );
  if (!doc) return null;

  const add = (e: FormEvent) => {
    e.preventDefault();
    const a = resolvePerson(refs, from);
    if (!a.ok) return setFormError(`Who trusts: ${a.reason}`);
    const b = resolvePerson(refs, to);
    if (!b.ok) return setFormError(`Whom: ${b.reason}`);
    if (a.person.id === b.person.id) return setFormError('A tie needs two different people.');
    try {
      act({ label: `Add the tie ${a.person.name} → ${b.person.name}`, place: { view: 'ties' } }, () => setTie(doc, { from: a.person.id, to: b.person.id, trust, kind }, LOCAL));
      setFrom('');
      setTo('');
      setFormError(null);
    } catch (err) {
      setFormError((err as Error).message);
    }
  };

  return (
    <section className="view ties" data-testid="ties-view">
      <header className="view-head row">
        <div>
          <h1>Trust ties</h1>
          <p className="muted">
            {net.ties.length} directed ties. Trust runs from {TRUST_MIN} (barely any) to 1 (complete); where there is no trust at all, delete the tie.
          </p>
        </div>
        <input type="search" placeholder="Filter by person" value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="ties-filter" />
      </header>
      <form onSubmit={add} className="panel row wrap">
        <h2 className="sr-only">Add a tie</h2>
        <PersonPicker people={refs} value={from} onChange={(v) => (setFrom(v), setFormError(null))} label="Who trusts" placeholder="Who trusts…" testId="tie-from" />
        <PersonPicker people={refs} value={to} onChange={(v) => (setTo(v), setFormError(null))} label="Whom" placeholder="…whom" testId="tie-to" />
        <label className="inline">
          trust {trust.toFixed(2)}
          <input type="range" min={TRUST_MIN} max={1} step={0.05} value={trust} onChange={(e) => setTrust(Number(e.target.value))} data-testid="tie-trust" />
        </label>
        <label className="inline">
          Kind
          <select value={kind} onChange={(e) => setKind(e.target.value)} data-testid="tie-kind">
            {TIE_KINDS.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>
        <button type="submit" data-testid="add-tie">
          Add tie
        </button>
        {formError && (
          <p className="field-error full" role="alert" data-testid="tie-error">
            {formError}
          </p>
        )}
      </form>
      <div className="table-wrap">
        <DataTable
          testId="ties-table"
          rows={shown}
          columns={columns}
          pageSize={PAGE}
          resetKey={filter}
          hint="Filter by a person to see theirs."
          row={(t) => (
            <tr
              key={`${t.from}→${t.to}`}
              data-testid="tie-row"
              className={linked.includes(t.from) || linked.includes(t.to) ? 'selected' : ''}
              aria-selected={linked.includes(t.from) || linked.includes(t.to)}
              onClick={(e) => (e.target as HTMLElement).closest('input, button') || setLinked([t.from, t.to])}
            >
              <td className="strong">{names.get(t.from)}</td>
              <td>{names.get(t.to)}</td>
              <td>
                <input
                  type="range"
                  min={TRUST_MIN}
                  max={1}
                  step={0.05}
                  value={t.trust}
                  aria-label={`trust of ${names.get(t.from)} in ${names.get(t.to)}`}
                  onChange={(e) => act({ label: `Change the trust of ${names.get(t.from)} in ${names.get(t.to)}`, place: { view: 'ties' } }, () => updateTie(doc, t.from, t.to, { trust: Number(e.target.value) }, LOCAL))}
                />
                <span className="level">{t.trust.toFixed(2)}</span>
              </td>
              <td className="muted">{t.kind ?? '—'}</td>
              <td>
                <button
                  type="button"
                  className="ghost danger"
                  onClick={() => {
                    const label = `Deleted the tie ${names.get(t.from)} → ${names.get(t.to)}`;
                    act({ label: label.replace('Deleted', 'Delete'), place: { view: 'ties' } }, () => deleteTie(doc, t.from, t.to, LOCAL));
                    notify(label, 'info', 'undo');
                  }}
                >
                  Delete
                </button>
              </td>
            </tr>
          )}
        />
      </div>
    </section>
  );
}
