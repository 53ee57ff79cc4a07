import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type * as Y from 'yjs';
import { CITIES } from '../../../shared/demo/cities';
import type { Person } from '../../../shared/model/network';
import { addPerson, setSkill, updatePerson } from '../../../shared/model/docs/networkDoc';
import { normalisePhrase, taxonomy } from '../../../shared/taxonomy/skillTaxonomy';
import { LOCAL } from '../session/rooms';
import { useUi } from '../state/uiStore';
import { newId } from '../storage/workspaces';

/** Resolves what the user typed to a skill id: an id, a label or a synonym. */
function skillFromInput(text: string): string | null {
  const tax = taxonomy();
  const t = text.trim();
  if (tax.has(t)) return t;
  const ids = tax.phrases.get(normalisePhrase(t));
  return ids?.[0] ?? null;
}

const commitOnEnter = (e: KeyboardEvent<HTMLInputElement>) => {
  if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
};

/**
 * Edits one person. Every field is written to the document when it is committed (blur or Enter):
 * there is no save button, because there is nothing unsaved.
 */
export function PersonEditor({ doc, person, onClose, onCreated }: { doc: Y.Doc; person: Person | null; onClose(): void; onCreated(id: string): void }) {
  const notify = useUi((s) => s.notify);
  const tax = taxonomy();
  const [newName, setNewName] = useState('');
  const [skillText, setSkillText] = useState('');
  const [skillLevel, setSkillLevel] = useState(0.6);

  const guard = (fn: () => void) => {
    try {
      fn();
    } catch (err) {
      notify((err as Error).message, 'error');
    }
  };

  if (!person) {
    const create = (e: FormEvent) => {
      e.preventDefault();
      guard(() => {
        const id = newId('p-');
        addPerson(doc, { id, name: newName.trim(), skills: [], availability: 1, currency: 'EUR' }, LOCAL);
        onCreated(id);
      });
    };
    return (
      <aside className="editor panel" data-testid="person-editor">
        <form onSubmit={create}>
          <h2>New person</h2>
          <label>
            Name
            <input autoFocus value={newName} onChange={(e) => setNewName(e.target.value)} data-testid="person-name" placeholder="Full name" />
          </label>
          <div className="row">
            <button type="submit" data-testid="create-person">
              Add
            </button>
            <button type="button" className="secondary" onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
      </aside>
    );
  }

  const update = (fields: Parameters<typeof updatePerson>[2]) => guard(() => updatePerson(doc, person.id, fields, LOCAL));
  const setCity = (name: string) => {
    const city = CITIES.find((c) => c.city === name);
    if (!city) return update({ location: undefined });
    update({ location: { city: city.city, country: city.country, lat: city.lat, lon: city.lon }, timezone: city.timezone });
  };
  const addSkill = (e: FormEvent) => {
    e.preventDefault();
    const id = skillFromInput(skillText);
    if (!id) return notify(`"${skillText}" is not a skill in the taxonomy`, 'error');
    guard(() => setSkill(doc, person.id, id, skillLevel, LOCAL));
    setSkillText('');
  };

  return (
    <aside className="editor panel" data-testid="person-editor" data-person={person.id}>
      <div className="row between">
        <h2>{person.name}</h2>
        <button type="button" className="ghost" onClick={onClose} aria-label="Close editor">
          ×
        </button>
      </div>
      <label>
        Name
        <input defaultValue={person.name} onBlur={(e) => e.target.value !== person.name && update({ name: e.target.value.trim() })} onKeyDown={commitOnEnter} data-testid="edit-name" />
      </label>
      <div className="grid2">
        <label>
          City
          <select value={person.location?.city ?? ''} onChange={(e) => setCity(e.target.value)} data-testid="edit-city">
            <option value="">—</option>
            {person.location && !CITIES.some((c) => c.city === person.location!.city) && <option value={person.location.city}>{person.location.city}</option>}
            {CITIES.map((c) => (
              <option key={c.city} value={c.city}>
                {c.city}, {c.country}
              </option>
            ))}
          </select>
        </label>
        <label>
          Time zone
          <input defaultValue={person.timezone ?? ''} key={person.timezone} onBlur={(e) => e.target.value !== (person.timezone ?? '') && update({ timezone: e.target.value.trim() || undefined })} onKeyDown={commitOnEnter} data-testid="edit-timezone" />
        </label>
        <label>
          Hourly rate ({person.currency ?? 'EUR'})
          <input
            type="number"
            min={0}
            step={1}
            defaultValue={person.rate ?? ''}
            onBlur={(e) => {
              const v = e.target.value === '' ? undefined : Number(e.target.value);
              if (v !== person.rate) update({ rate: v });
            }}
            onKeyDown={commitOnEnter}
            data-testid="edit-rate"
          />
        </label>
        <label>
          Availability: {Math.round((person.availability ?? 1) * 100)}%
          <input type="range" min={0} max={1} step={0.05} value={person.availability ?? 1} onChange={(e) => update({ availability: Number(e.target.value) })} />
        </label>
      </div>
      <h3>Skills</h3>
      <ul className="skills" data-testid="skills">
        {person.skills.map((s) => (
          <li key={s.skill} data-skill={s.skill}>
            <span className="skill-name">{tax.get(s.skill)?.label ?? s.skill}</span>
            <input type="range" min={0} max={1} step={0.05} value={s.level} aria-label={`${s.skill} level`} onChange={(e) => guard(() => setSkill(doc, person.id, s.skill, Number(e.target.value), LOCAL))} />
            <span className="level">{Math.round(s.level * 100)}</span>
            <button type="button" className="ghost danger" aria-label={`Remove ${s.skill}`} onClick={() => guard(() => setSkill(doc, person.id, s.skill, null, LOCAL))}>
              ×
            </button>
          </li>
        ))}
        {person.skills.length === 0 && <li className="muted">No skills yet.</li>}
      </ul>
      <form onSubmit={addSkill} className="row">
        <input list="skill-list" value={skillText} onChange={(e) => setSkillText(e.target.value)} placeholder="Add a skill, e.g. storytelling" data-testid="skill-input" />
        <input type="number" min={0} max={1} step={0.05} value={skillLevel} onChange={(e) => setSkillLevel(Number(e.target.value))} aria-label="level" className="narrow" data-testid="skill-level" />
        <button type="submit" data-testid="add-skill">
          Add
        </button>
      </form>
      <datalist id="skill-list">
        {tax.skills.map((s) => (
          <option key={s.id} value={s.label} />
        ))}
      </datalist>
    </aside>
  );
}
