import { useMemo, useState } from 'react';
import { guessMapping, PEOPLE_FIELDS, readPeopleRows, readTieRows, TIE_FIELDS, type ColumnMapping, type CsvField, type CsvKind, type CsvTable, type RowResult } from '../../../../shared/model/csvImport';
import type { Person, Tie } from '../../../../shared/model/network';
import { ModalDialog } from '../../components/ModalDialog';

const FIELD_LABEL: Record<CsvField, string> = {
  id: 'Id (optional)',
  name: 'Name',
  skills: 'Skills (e.g. “UI design 80; storytelling 60”)',
  city: 'City',
  country: 'Country code',
  timezone: 'Time zone',
  rate: 'Hourly rate',
  currency: 'Currency',
  availability: 'Availability (0–100%)',
  from: 'Who trusts (name or id)',
  to: 'Whom (name or id)',
  trust: 'Trust (0–1 or %)',
  kind: 'Kind of tie',
};
const SHOWN = 40;

/**
 * A spreadsheet's columns mapped to people or tie fields, with every row checked and its problems
 * shown beside it. Nothing is written here: "Continue" hands the good rows to the import preview.
 */
export function CsvDialog({ fileName, table, known, onContinue, onCancel }: { fileName: string; table: CsvTable; known: readonly Person[]; onContinue(kind: CsvKind, rows: RowResult<Person | Tie>[]): void; onCancel(): void }) {
  const guess = useMemo(() => guessMapping(table.headers), [table]);
  const [kind, setKind] = useState<CsvKind>(guess.kind);
  const [mapping, setMapping] = useState<ColumnMapping>(guess.mapping);
  const fields = kind === 'people' ? PEOPLE_FIELDS : TIE_FIELDS;
  const checked = useMemo((): { rows: RowResult<Person | Tie>[] } | { problem: string } => {
    try {
      return { rows: kind === 'people' ? readPeopleRows(table, mapping) : readTieRows(table, mapping, known) };
    } catch (e) {
      return { problem: (e as Error).message };
    }
  }, [kind, mapping, table, known]);
  const rows = 'rows' in checked ? checked.rows : [];
  const ready = rows.filter((r) => r.value).length;
  const switchKind = (k: CsvKind) => {
    setKind(k);
    setMapping(k === guess.kind ? guess.mapping : {});
  };
  return (
    <ModalDialog title={<>Import “{fileName}”</>} titleId="csv-title" testId="csv-dialog" onCancel={onCancel}>
      <p className="muted">
        {table.rows.length} rows. Match the columns to fields; every row is checked before anything is written.
      </p>
      <fieldset className="choices">
        <legend>The rows are</legend>
        {(['people', 'ties'] as const).map((k) => (
          <label key={k} className="inline">
            <input type="radio" name="csv-kind" checked={kind === k} onChange={() => switchKind(k)} data-testid={`csv-kind-${k}`} /> {k === 'people' ? 'People' : 'Trust ties'}
          </label>
        ))}
      </fieldset>
      <div className="csv-mapping">
        {fields.map((f) => (
          <label key={f}>
            {FIELD_LABEL[f]}
            <select value={mapping[f] ?? ''} onChange={(e) => setMapping((m) => ({ ...m, [f]: e.target.value === '' ? undefined : Number(e.target.value) }))} data-testid={`csv-map-${f}`}>
              <option value="">— not in the file —</option>
              {table.headers.map((h, i) => (
                <option key={i} value={i}>
                  {h || `column ${i + 1}`}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {'problem' in checked ? (
        <p className="field-error" role="alert" data-testid="csv-problem">
          {checked.problem}
        </p>
      ) : (
        <>
          <p data-testid="csv-summary">
            <strong>{ready}</strong> of {rows.length} rows ready{rows.length - ready > 0 && <>; <strong>{rows.length - ready}</strong> with problems will be left out</>}.
          </p>
          <div className="import-body">
            <table className="table compact">
              <thead>
                <tr>
                  <th className="num">Line</th>
                  <th>Row</th>
                  <th>Check</th>
                </tr>
              </thead>
              <tbody>
                {rows.slice(0, SHOWN).map((r) => (
                  <tr key={r.row} data-testid="csv-row" data-ok={r.value ? 'yes' : 'no'}>
                    <td className="num">{r.row}</td>
                    <td className="small">{table.rows[r.row - 2].join(' · ')}</td>
                    <td className="small">
                      {r.errors.length ? <span className="field-error">{r.errors.join('; ')}</span> : <span className="status status-ok">ready</span>}
                      {r.warnings.length > 0 && <div className="muted">{r.warnings.join('; ')}</div>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {rows.length > SHOWN && <p className="muted small">and {rows.length - SHOWN} more rows</p>}
          </div>
        </>
      )}
      <div className="row end">
        <button type="button" className="secondary" onClick={onCancel} data-testid="csv-cancel">
          Cancel
        </button>
        <button type="button" disabled={!ready} onClick={() => onContinue(kind, rows)} data-testid="csv-continue">
          Continue to the preview
        </button>
      </div>
    </ModalDialog>
  );
}
