import { useState } from 'react';
import type { FieldChange, ImportChoices, ImportPlan, MatchChoice, PersonMatch } from '../../../../shared/model/importPlan';
import { DEFAULT_CHOICES } from '../../../../shared/model/importPlan';
import { taxonomy } from '../../../../shared/taxonomy/skillTaxonomy';
import { ModalDialog } from '../../components/ModalDialog';
import { formatLevel } from './levels';

const SHOWN = 25;
const FIELD_LABEL: Record<FieldChange['field'], string> = { name: 'Name', skills: 'Skills', location: 'City', timezone: 'Time zone', rate: 'Rate', currency: 'Currency', availability: 'Availability' };

function formatValue(field: FieldChange['field'], value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (field === 'skills') {
    const entries = Object.entries(value as Record<string, number>);
    return entries.length ? entries.map(([s, l]) => `${taxonomy().get(s)?.label ?? s} ${formatLevel(l)}`).join(', ') : 'none';
  }
  if (field === 'location') return (value as { city: string; country: string }).city + ', ' + (value as { country: string }).country;
  if (field === 'availability') return `${Math.round((value as number) * 100)}%`;
  return String(value);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function Choice({ group, name, value, onChange, options }: { group: keyof ImportChoices; name: string; value: MatchChoice; onChange(v: MatchChoice): void; options: [MatchChoice, string][] }) {
  return (
    <fieldset className="choices">
      <legend>{name}</legend>
      {options.map(([v, label]) => (
        <label key={v} className="inline">
          <input type="radio" name={name} checked={value === v} onChange={() => onChange(v)} data-testid={`choice-${group}-${v}`} /> {label}
        </label>
      ))}
    </fieldset>
  );
}

function Matches({ matches, conflict }: { matches: PersonMatch[]; conflict: boolean }) {
  const [all, setAll] = useState(false);
  return (
    <ul className="import-list">
      {(all ? matches : matches.slice(0, SHOWN)).map((m) => (
        <li key={m.incoming.id} data-testid={conflict ? 'import-conflict' : 'import-update'}>
          <code>{m.incoming.id}</code>{' '}
          {conflict ? (
            <>
              here <strong>{m.existing.name}</strong>, in the file <strong>{m.incoming.name}</strong>
            </>
          ) : (
            <strong>{m.existing.name}</strong>
          )}
          {!conflict && (
            <ul className="changes">
              {m.changes.map((c) => (
                <li key={c.field}>
                  {FIELD_LABEL[c.field]}: <del>{formatValue(c.field, c.from)}</del> → <ins>{formatValue(c.field, c.to)}</ins>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
      {matches.length > SHOWN && !all && (
        <li className="muted">
          and {matches.length - SHOWN} more{' '}
          <button type="button" className="link" onClick={() => setAll(true)} data-testid="import-show-all">
            show all
          </button>
        </li>
      )}
    </ul>
  );
}

/**
 * The import preview: what a network file would add, change (field by field) and collide with,
 * with a choice for people already here. Nothing is written until "Import"; the import is one undo
 * step.
 */
export function ImportDialog({ fileName, plan, onConfirm, onCancel }: { fileName: string; plan: ImportPlan; onConfirm(choices: ImportChoices): void; onCancel(): void }) {
  const [choices, setChoices] = useState<ImportChoices>(DEFAULT_CHOICES);
  const { added, updates, conflicts, unchanged, ties } = plan;
  const nothing = added.length + updates.length + conflicts.length + ties.added + ties.changed === 0;
  return (
    <ModalDialog title={<>Import “{fileName}”</>} titleId="import-title" testId="import-preview" onCancel={onCancel}>
      <p className="muted">Nothing has been written yet. Check what this file would do, choose, then import. Undo takes the whole import back.</p>
      <ul className="import-summary" data-testid="import-summary">
        <li>
          <strong>{plural(added.length, 'new person', 'new people')}</strong>
        </li>
        <li>
          <strong>{plural(updates.length, 'update')}</strong> to people already here
        </li>
        <li className={conflicts.length ? 'warn' : ''}>
          <strong>{plural(conflicts.length, 'id')}</strong> that belong{conflicts.length === 1 ? 's' : ''} to somebody else here
        </li>
        <li>{plural(unchanged.length, 'person', 'people')} unchanged</li>
        <li>
          ties: {ties.added} new, {ties.changed} changed, {ties.unchanged} unchanged
        </li>
      </ul>
      <div className="import-body">
        {conflicts.length > 0 && (
          <section>
            <h3>Same id, different person</h3>
            <Choice
              group="conflicts"
              name="People whose id is taken here"
              value={choices.conflicts}
              onChange={(conflicts) => setChoices((c) => ({ ...c, conflicts }))}
              options={[
                ['new', 'Add them as new people (new ids)'],
                ['skip', 'Leave them out'],
                ['merge', 'Overwrite ours with theirs'],
              ]}
            />
            <Matches matches={conflicts} conflict />
          </section>
        )}
        {updates.length > 0 && (
          <section>
            <h3>Changes to people already here</h3>
            <Choice
              group="updates"
              name="People already here"
              value={choices.updates}
              onChange={(updates) => setChoices((c) => ({ ...c, updates }))}
              options={[
                ['merge', 'Take the file’s values'],
                ['skip', 'Keep ours'],
                ['new', 'Add as new people'],
              ]}
            />
            <Matches matches={updates} conflict={false} />
          </section>
        )}
        {added.length > 0 && (
          <section>
            <h3>New people</h3>
            <p className="small">
              {added
                .slice(0, SHOWN)
                .map((p) => p.name)
                .join(', ')}
              {added.length > SHOWN && ` and ${added.length - SHOWN} more`}
            </p>
          </section>
        )}
      </div>
      <div className="row end">
        <button type="button" className="secondary" onClick={onCancel} data-testid="import-cancel">
          Cancel
        </button>
        <button type="button" onClick={() => onConfirm(choices)} disabled={nothing} data-testid="import-confirm">
          {nothing ? 'Nothing to import' : 'Import'}
        </button>
      </div>
    </ModalDialog>
  );
}
