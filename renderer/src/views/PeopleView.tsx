import { useMemo, useRef, type ChangeEvent } from 'react';
import type { Person } from '../../../shared/model/network';
import { DataTable, type Column } from '../components/tableTools';
import { deletePerson, exportNetwork, importNetwork } from '../../../shared/model/docs/networkDoc';
import { taxonomy } from '../../../shared/taxonomy/skillTaxonomy';
import { useNetwork } from '../hooks/useNetwork';
import { LOCAL } from '../session/rooms';
import { useUi } from '../state/uiStore';
import { PersonEditor } from './PersonEditor';

const PAGE = 300;

export function PeopleView() {
  const { doc, net } = useNetwork();
  const ui = useUi();
  const fileInput = useRef<HTMLInputElement>(null);
  const tax = taxonomy();

  const filtered = useMemo(() => {
    const q = ui.peopleFilter.trim().toLowerCase();
    if (!q) return net.people;
    return net.people.filter(
      (p) =>
        p.name.toLowerCase().includes(q) ||
        p.location?.city.toLowerCase().includes(q) ||
        p.skills.some((s) => s.skill.includes(q) || tax.get(s.skill)?.label.toLowerCase().includes(q)),
    );
  }, [net.people, ui.peopleFilter, tax]);
  const degree = useMemo(() => {
    const d = new Map<string, number>();
    for (const t of net.ties) {
      d.set(t.from, (d.get(t.from) ?? 0) + 1);
      d.set(t.to, (d.get(t.to) ?? 0) + 1);
    }
    return d;
  }, [net.ties]);
  const columns = useMemo(
    (): Record<string, Column<Person>> => ({
      name: { label: 'Name', sort: (p) => p.name },
      skills: { label: 'Skills', sort: (p) => p.skills.reduce((best, s) => Math.max(best, s.level), 0) },
      city: { label: 'City', sort: (p) => p.location?.city },
      timezone: { label: 'Time zone', sort: (p) => p.timezone },
      rate: { label: 'Rate', sort: (p) => p.rate, className: 'num' },
      ties: { label: 'Ties', sort: (p) => degree.get(p.id) ?? 0, className: 'num' },
    }),
    [degree],
  );

  if (!doc) return null;
  const remove = (id: string, name: string) => {
    deletePerson(doc, id, LOCAL);
    if (ui.selectedPersonId === id) ui.selectPerson(null);
    ui.notify(`Deleted ${name} and their ties`);
  };
  const exportJson = () => {
    const blob = new Blob([JSON.stringify(exportNetwork(doc), null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'network.json';
    a.click();
    URL.revokeObjectURL(a.href);
  };
  const importJson = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    try {
      const n = importNetwork(doc, JSON.parse(await file.text()), LOCAL);
      ui.notify(`Imported ${n.people} people and ${n.ties} ties`);
    } catch (err) {
      ui.notify(`Nothing was imported: ${(err as Error).message}`, 'error');
    }
  };

  return (
    <section className="view people" data-testid="people-view">
      <header className="view-head row">
        <div>
          <h1>People</h1>
          <p className="muted">
            {net.people.length} people · {net.ties.length} ties
          </p>
        </div>
        <div className="actions">
          <input type="search" placeholder="Filter by name, city or skill" value={ui.peopleFilter} onChange={(e) => ui.setPeopleFilter(e.target.value)} data-testid="people-filter" />
          <button type="button" onClick={ui.startNewPerson} data-testid="add-person">
            Add person
          </button>
          <button type="button" className="secondary" onClick={() => fileInput.current?.click()}>
            Import…
          </button>
          <button type="button" className="secondary" onClick={exportJson}>
            Export
          </button>
          <input ref={fileInput} type="file" accept="application/json,.json" hidden onChange={importJson} data-testid="import-file" />
        </div>
      </header>
      {net.invalid.length > 0 && (
        <p className="warning" role="alert">
          {net.invalid.length} record{net.invalid.length > 1 ? 's' : ''} from a peer failed validation and {net.invalid.length > 1 ? 'are' : 'is'} not shown: {net.invalid.map((i) => `${i.key} (${i.problem})`).join('; ')}
        </p>
      )}
      <div className={`split ${ui.selectedPersonId || ui.creatingPerson ? 'editing' : ''}`}>
        <div className="table-wrap">
          <DataTable
            testId="people-table"
            rows={filtered}
            columns={columns}
            pageSize={PAGE}
            resetKey={ui.peopleFilter}
            hint="A filter finds people faster."
            row={(p) => (
              <tr key={p.id} className={ui.selectedPersonId === p.id ? 'selected' : ''} data-testid="person-row" data-person={p.id} onClick={() => ui.selectPerson(p.id)}>
                <td className="strong">{p.name}</td>
                <td>
                  <div className="chips">
                    {p.skills.map((s) => (
                      <span key={s.skill} className="chip" title={`${tax.get(s.skill)?.label ?? s.skill}: level ${s.level}`}>
                        {tax.get(s.skill)?.label ?? s.skill}
                        <span className="level">{Math.round(s.level * 100)}</span>
                      </span>
                    ))}
                  </div>
                </td>
                <td>{p.location ? `${p.location.city}, ${p.location.country}` : '—'}</td>
                <td className="muted">{p.timezone ?? '—'}</td>
                <td className="num">{p.rate !== undefined ? `${p.rate} ${p.currency ?? ''}` : '—'}</td>
                <td className="num">{degree.get(p.id) ?? 0}</td>
                <td>
                  <button
                    type="button"
                    className="ghost danger icon"
                    aria-label={`Delete ${p.name}`}
                    title={`Delete ${p.name} and their ties (undo with Ctrl+Z)`}
                    data-testid="delete-person"
                    onClick={(e) => {
                      e.stopPropagation();
                      remove(p.id, p.name);
                    }}
                  >
                    ✕
                  </button>
                </td>
              </tr>
            )}
          />
          {filtered.length === 0 && <p className="empty">No one matches “{ui.peopleFilter}”.</p>}
        </div>
        {(ui.selectedPersonId || ui.creatingPerson) && (
          <PersonEditor
            key={ui.selectedPersonId ?? 'new'}
            doc={doc}
            person={net.people.find((p) => p.id === ui.selectedPersonId) ?? null}
            onClose={() => ui.selectPerson(null)}
            onCreated={(id) => ui.selectPerson(id)}
          />
        )}
      </div>
    </section>
  );
}
