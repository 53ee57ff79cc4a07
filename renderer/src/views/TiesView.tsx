import { useMemo, useState, type FormEvent } from 'react';
import { TIE_KINDS, type Tie } from '../../../shared/model/network';
import { DataTable, type Column } from '../components/tableTools';
import { deleteTie, setTie } from '../../../shared/model/docs/networkDoc';
import { useNetwork } from '../hooks/useNetwork';
import { LOCAL } from '../session/rooms';
import { useUi } from '../state/uiStore';

const PAGE = 250;

/** Who trusts whom, and how much. A tie is directed: A's trust in B need not equal B's in A. */
export function TiesView() {
  const { doc, net } = useNetwork();
  const filter = useUi((s) => s.tiesFilter);
  const setFilter = useUi((s) => s.setTiesFilter);
  const notify = useUi((s) => s.notify);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [trust, setTrust] = useState(0.7);
  const [kind, setKind] = useState<string>('worked-with');
  const names = useMemo(() => new Map(net.people.map((p) => [p.id, p.name])), [net.people]);
  const byLabel = useMemo(() => new Map(net.people.map((p) => [`${p.name} (${p.id})`, p.id])), [net.people]);
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
    const a = byLabel.get(from) ?? (names.has(from) ? from : undefined);
    const b = byLabel.get(to) ?? (names.has(to) ? to : undefined);
    if (!a || !b) return notify('Pick both people from the list', 'error');
    try {
      setTie(doc, { from: a, to: b, trust, kind }, LOCAL);
      setFrom('');
      setTo('');
    } catch (err) {
      notify((err as Error).message, 'error');
    }
  };

  return (
    <section className="view ties" data-testid="ties-view">
      <header className="view-head row">
        <div>
          <h1>Trust ties</h1>
          <p className="muted">{net.ties.length} directed ties. Trust runs from 0 (none) to 1 (complete).</p>
        </div>
        <input type="search" placeholder="Filter by person" value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="ties-filter" />
      </header>
      <form onSubmit={add} className="panel row wrap">
        <input list="people-list" value={from} onChange={(e) => setFrom(e.target.value)} placeholder="Who trusts…" data-testid="tie-from" />
        <input list="people-list" value={to} onChange={(e) => setTo(e.target.value)} placeholder="…whom" data-testid="tie-to" />
        <label className="inline">
          trust {trust.toFixed(2)}
          <input type="range" min={0.05} max={1} step={0.05} value={trust} onChange={(e) => setTrust(Number(e.target.value))} data-testid="tie-trust" />
        </label>
        <select value={kind} onChange={(e) => setKind(e.target.value)}>
          {TIE_KINDS.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
        <button type="submit" data-testid="add-tie">
          Add tie
        </button>
        <datalist id="people-list">
          {net.people.map((p) => (
            <option key={p.id} value={`${p.name} (${p.id})`} />
          ))}
        </datalist>
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
            <tr key={`${t.from}→${t.to}`} data-testid="tie-row">
              <td className="strong">{names.get(t.from)}</td>
              <td>{names.get(t.to)}</td>
              <td>
                <input type="range" min={0.05} max={1} step={0.05} value={t.trust} aria-label={`trust of ${names.get(t.from)} in ${names.get(t.to)}`} onChange={(e) => setTie(doc, { ...t, trust: Number(e.target.value) }, LOCAL)} />
                <span className="level">{t.trust.toFixed(2)}</span>
              </td>
              <td className="muted">{t.kind ?? '—'}</td>
              <td>
                <button type="button" className="ghost danger" onClick={() => (deleteTie(doc, t.from, t.to, LOCAL), notify(`Deleted the tie ${names.get(t.from)} → ${names.get(t.to)}`))}>
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
