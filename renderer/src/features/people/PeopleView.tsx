import { useMemo, useRef, useState, type ChangeEvent } from 'react';
import type { Person, Tie } from '../../../../shared/model/network';
import { networkFromRows, parseCsv, type CsvKind, type CsvTable, type RowResult } from '../../../../shared/model/csvImport';
import { CsvDialog } from './CsvDialog';
import { DataTable, type Column } from '../../components/tableTools';
import { deletePerson, exportNetwork } from '../../../../shared/model/docs/networkDoc';
import { applyImport, planImport, type ImportChoices, type ImportPlan } from '../../../../shared/model/importPlan';
import { ImportDialog } from './ImportDialog';
import { taxonomy } from '../../../../shared/taxonomy/skillTaxonomy';
import { useNetwork } from '../../hooks/useNetwork';
import { useAct } from '../../hooks/useSession';
import { formatLevel, LEVEL_MAX } from './levels';
import { LOCAL } from '../../session/rooms';
import { useUi } from '../../state/uiStore';
import { PersonEditor } from './PersonEditor';

const PAGE = 300;

export function PeopleView() {
  const { doc, net } = useNetwork();
  const ui = useUi();
  const act = useAct();
  const [preview, setPreview] = useState<{ fileName: string; plan: ImportPlan } | null>(null);
  const [csv, setCsv] = useState<{ fileName: string; table: CsvTable } | null>(null);
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
    act({ label: `Delete ${name} and their ties`, place: { view: 'people', personId: id } }, () => deletePerson(doc, id, LOCAL));
    if (ui.selectedPersonId === id) ui.selectPerson(null);
    ui.notify(`Deleted ${name} and their ties`, 'info', 'undo');
  };
  const selected = ui.selectedPersonId ? net.people.find((p) => p.id === ui.selectedPersonId) : undefined;
  const editing = ui.creatingPerson || selected !== undefined;
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
    const text = await file.text();
    if (/\.(csv|tsv|txt)$/i.test(file.name) || file.type === 'text/csv') {
      try {
        return setCsv({ fileName: file.name, table: parseCsv(text) });
      } catch (err) {
        return ui.notify(`Nothing was imported: ${(err as Error).message}`, 'error');
      }
    }
    let input: unknown;
    try {
      input = JSON.parse(text);
    } catch {
      return ui.notify(`Nothing was imported: “${file.name}” is neither a network file (JSON) nor a spreadsheet (CSV).`, 'error');
    }
    try {
      setPreview({ fileName: file.name, plan: planImport(doc, input) });
    } catch (err) {
      ui.notify(`Nothing was imported: ${(err as Error).message}`, 'error');
    }
  };
  const fromCsv = (kind: CsvKind, rows: RowResult<Person | Tie>[]) => {
    if (!csv) return;
    try {
      setPreview({ fileName: csv.fileName, plan: planImport(doc, networkFromRows(kind, rows, net.people)) });
      setCsv(null);
    } catch (err) {
      ui.notify(`Nothing was imported: ${(err as Error).message}`, 'error');
    }
  };
  const confirmImport = (choices: ImportChoices) => {
    if (!preview) return;
    const r = act({ label: `Import “${preview.fileName}”`, place: { view: 'people' } }, () => applyImport(doc, preview.plan, choices, LOCAL));
    setPreview(null);
    const parts = [`${r.added} added`, r.merged && `${r.merged} updated`, r.skipped && `${r.skipped} left out`, r.renamed.length && `${r.renamed.length} under new ids`, `${r.ties} ties written`].filter(Boolean);
    ui.notify(`Imported “${preview.fileName}”: ${parts.join(', ')}`, 'info', 'undo');
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
          <input ref={fileInput} type="file" accept="application/json,.json,text/csv,.csv,.tsv" hidden onChange={importJson} data-testid="import-file" />
        </div>
      </header>
      {net.invalid.length > 0 && (
        <p className="warning" role="alert">
          {net.invalid.length} record{net.invalid.length > 1 ? 's' : ''} from a peer failed validation and {net.invalid.length > 1 ? 'are' : 'is'} not shown: {net.invalid.map((i) => `${i.key} (${i.problem})`).join('; ')}
        </p>
      )}
      <div className={`split ${editing ? 'editing' : ''}`}>
        <div className="table-wrap">
          <DataTable
            testId="people-table"
            rows={filtered}
            columns={columns}
            pageSize={PAGE}
            resetKey={ui.peopleFilter}
            hint="A filter finds people faster."
            row={(p) => (
              <tr
                key={p.id}
                className={ui.selectedPersonId === p.id || ui.selectedPeople.includes(p.id) ? 'selected' : ''}
                data-testid="person-row"
                data-person={p.id}
                tabIndex={0}
                aria-selected={ui.selectedPersonId === p.id || ui.selectedPeople.includes(p.id)}
                aria-label={`${p.name}: open to edit`}
                onClick={() => ui.selectPerson(p.id)}
                onKeyDown={(e) => {
                  if (e.target !== e.currentTarget || (e.key !== 'Enter' && e.key !== ' ')) return;
                  e.preventDefault();
                  ui.selectPerson(p.id);
                }}
              >
                <td className="strong">{p.name}</td>
                <td>
                  <div className="chips">
                    {p.skills.map((s) => (
                      <span key={s.skill} className="chip" title={`${tax.get(s.skill)?.label ?? s.skill}: level ${formatLevel(s.level)} of ${LEVEL_MAX}`}>
                        {tax.get(s.skill)?.label ?? s.skill}
                        <span className="level">{formatLevel(s.level)}</span>
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
          {filtered.length === 0 && (
            <p className="empty" data-testid="people-empty">
              {ui.peopleFilter.trim() ? `No one matches “${ui.peopleFilter.trim()}”.` : 'No people in this workspace yet. Add a person, or import a network file.'}
            </p>
          )}
        </div>
        {editing && (
          <PersonEditor
            key={selected?.id ?? 'new'}
            doc={doc}
            person={selected ?? null}
            onClose={() => {
              const id = ui.selectedPersonId;
              ui.selectPerson(null);
              // keyboard users continue from the row they opened
              if (id) requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-testid="person-row"][data-person="${CSS.escape(id)}"]`)?.focus());
            }}
            onCreated={(id) => ui.selectPerson(id)}
          />
        )}
      </div>
      {csv && <CsvDialog fileName={csv.fileName} table={csv.table} known={net.people} onContinue={fromCsv} onCancel={() => setCsv(null)} />}
      {preview && <ImportDialog fileName={preview.fileName} plan={preview.plan} onConfirm={confirmImport} onCancel={() => setPreview(null)} />}
    </section>
  );
}
