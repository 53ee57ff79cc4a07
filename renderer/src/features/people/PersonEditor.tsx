import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type * as Y from 'yjs';
import { CITIES } from '../../../../shared/demo/cities';
import { PersonSchema, type Person } from '../../../../shared/model/network';
import { addPerson, setSkill, updatePerson, type PersonFields } from '../../../../shared/model/docs/networkDoc';
import { plainProblem } from '../../../../shared/model/plainErrors';
import { normalisePhrase, taxonomy } from '../../../../shared/taxonomy/skillTaxonomy';
import { optionalNumberCodec, optionalTextCodec, textCodec, timeZoneProblem } from '../../forms/codecs';
import { SharedInput } from '../../forms/SharedInput';
import { useAct } from '../../hooks/useSession';
import { LOCAL } from '../../session/rooms';
import { useUi } from '../../state/uiStore';
import { newId } from '../../storage/workspaces';
import { formatLevel, LEVEL_MAX, LEVEL_STEP, levelFromInput } from './levels';

/** Resolves what the user typed to a skill id: an id, a label or a synonym. */
function skillFromInput(text: string): string | null {
  const tax = taxonomy();
  const t = text.trim();
  if (tax.has(t)) return t;
  const ids = tax.phrases.get(normalisePhrase(t));
  return ids?.[0] ?? null;
}

const NAME = textCodec('Name', PersonSchema.shape.name);
const TIMEZONE = optionalTextCodec('Time zone', PersonSchema.shape.timezone, timeZoneProblem);
const RATE = optionalNumberCodec('Hourly rate', PersonSchema.shape.rate);

/** Escape closes the editor (a field that has unsaved text takes the first Escape to restore it). */
const closeOnEscape = (onClose: () => void) => (e: KeyboardEvent) => {
  if (e.key === 'Escape' && !e.defaultPrevented) {
    e.preventDefault();
    onClose();
  }
};

/**
 * Edits one person. Every field is written to the document when it is committed (blur or Enter),
 * and only if the user changed it; collaborators' changes show as they arrive (SharedInput). There
 * is no save button, because there is nothing unsaved.
 */
export function PersonEditor({ doc, person, onClose, onCreated }: { doc: Y.Doc; person: Person | null; onClose(): void; onCreated(id: string): void }) {
  const notify = useUi((s) => s.notify);
  const act = useAct();
  const tax = taxonomy();
  const [newName, setNewName] = useState('');
  const [newNameError, setNewNameError] = useState<string | null>(null);
  const [skillText, setSkillText] = useState('');
  const [skillLevel, setSkillLevel] = useState('60');
  const [skillError, setSkillError] = useState<string | null>(null);

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
      const problem = plainProblem(PersonSchema.shape.name, newName.trim(), 'Name');
      if (problem) return setNewNameError(problem);
      guard(() => {
        const id = newId('p-');
        const name = newName.trim();
        act({ label: `Add ${name}`, place: { view: 'people', personId: id } }, () => addPerson(doc, { id, name, skills: [], availability: 1, currency: 'EUR' }, LOCAL));
        onCreated(id);
      });
    };
    return (
      <aside className="editor panel" data-testid="person-editor" aria-label="New person" onKeyDown={closeOnEscape(onClose)}>
        <form onSubmit={create} noValidate>
          <h2>New person</h2>
          <div className="field">
            <label htmlFor="new-person-name">Name</label>
            <input
              id="new-person-name"
              autoFocus
              value={newName}
              onChange={(e) => (setNewName(e.target.value), setNewNameError(null))}
              data-testid="person-name"
              placeholder="Full name"
              aria-invalid={newNameError !== null}
              aria-describedby={newNameError ? 'new-person-name-error' : undefined}
            />
            {newNameError && (
              <p className="field-error" id="new-person-name-error" role="alert">
                {newNameError}
              </p>
            )}
          </div>
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

  const label = (what: string) => ({ label: `${what} of ${person.name}`, place: { view: 'people', personId: person.id } });
  /** Writes fields; a failure is shown beside the field that asked (SharedInput catches it). */
  const write = (fields: PersonFields) => {
    const [field] = Object.keys(fields);
    act(label(`Change ${field === 'timezone' ? 'time zone' : field}`), () => updatePerson(doc, person.id, fields, LOCAL));
  };
  const setCity = (name: string) =>
    guard(() => {
      const city = CITIES.find((c) => c.city === name);
      act(label('Change city'), () =>
        updatePerson(doc, person.id, city ? { location: { city: city.city, country: city.country, lat: city.lat, lon: city.lon }, timezone: city.timezone } : { location: undefined }, LOCAL),
      );
    });
  const addSkill = (e: FormEvent) => {
    e.preventDefault();
    const id = skillFromInput(skillText);
    if (!id) return setSkillError(skillText.trim() ? `“${skillText.trim()}” is not a skill we know. Pick one from the list.` : 'Type a skill, e.g. storytelling.');
    const level = levelFromInput(skillLevel);
    if (level === null) return setSkillError(`A level is a number from 0 to ${LEVEL_MAX}.`);
    guard(() => act(label(`Add ${tax.get(id)?.label ?? id}`), () => setSkill(doc, person.id, id, level, LOCAL)));
    setSkillText('');
    setSkillError(null);
  };

  return (
    <aside className="editor panel" data-testid="person-editor" data-person={person.id} aria-label={`Edit ${person.name}`} onKeyDown={closeOnEscape(onClose)}>
      <div className="row between">
        <h2>{person.name}</h2>
        <button type="button" className="ghost" onClick={onClose} aria-label="Close editor" title="Close (Esc)" data-testid="close-editor">
          ×
        </button>
      </div>
      <SharedInput label="Name" value={person.name} codec={NAME} onCommit={(name) => write({ name })} testId="edit-name" autoComplete="off" />
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
        <SharedInput label="Time zone" value={person.timezone} codec={TIMEZONE} onCommit={(timezone) => write({ timezone })} testId="edit-timezone" autoComplete="off" />
        <SharedInput label={`Hourly rate (${person.currency ?? 'EUR'})`} value={person.rate} codec={RATE} onCommit={(rate) => write({ rate })} testId="edit-rate" inputMode="decimal" autoComplete="off" />
        <label>
          Availability: {Math.round((person.availability ?? 1) * 100)}%
          <input type="range" min={0} max={1} step={0.05} value={person.availability ?? 1} onChange={(e) => guard(() => write({ availability: Number(e.target.value) }))} />
        </label>
      </div>
      <h3>
        Skills <span className="muted small">level 0–{LEVEL_MAX}</span>
      </h3>
      <ul className="skills" data-testid="skills">
        {person.skills.map((s) => {
          const name = tax.get(s.skill)?.label ?? s.skill;
          return (
            <li key={s.skill} data-skill={s.skill}>
              <span className="skill-name">{name}</span>
              <input
                type="range"
                min={0}
                max={LEVEL_MAX}
                step={LEVEL_STEP}
                value={Math.round(s.level * LEVEL_MAX)}
                aria-label={`${name} level`}
                onChange={(e) => guard(() => act(label(`Change ${name} level`), () => setSkill(doc, person.id, s.skill, Number(e.target.value) / LEVEL_MAX, LOCAL)))}
              />
              <span className="level">{formatLevel(s.level)}</span>
              <button type="button" className="ghost danger" aria-label={`Remove ${name}`} onClick={() => guard(() => act(label(`Remove ${name}`), () => setSkill(doc, person.id, s.skill, null, LOCAL)))}>
                ×
              </button>
            </li>
          );
        })}
        {person.skills.length === 0 && <li className="muted">No skills yet.</li>}
      </ul>
      <form onSubmit={addSkill} className="row" noValidate>
        <input list="skill-list" value={skillText} onChange={(e) => (setSkillText(e.target.value), setSkillError(null))} placeholder="Add a skill, e.g. storytelling" aria-label="Skill" data-testid="skill-input" />
        <input type="number" min={0} max={LEVEL_MAX} step={LEVEL_STEP} value={skillLevel} onChange={(e) => setSkillLevel(e.target.value)} aria-label={`Level (0–${LEVEL_MAX})`} className="narrow" data-testid="skill-level" />
        <button type="submit" data-testid="add-skill">
          Add
        </button>
      </form>
      {skillError && (
        <p className="field-error" role="alert" data-testid="skill-error">
          {skillError}
        </p>
      )}
      <datalist id="skill-list">
        {tax.skills.map((s) => (
          <option key={s.id} value={s.label} />
        ))}
      </datalist>
    </aside>
  );
}
