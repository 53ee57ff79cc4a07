import { useState, type FormEvent } from 'react';
import { listProjects } from '../../../../shared/model/docs/workspaceDoc';
import { useApp } from '../../hooks/useSession';
import { useYSnapshot } from '../../hooks/useYSnapshot';
import { useUi } from '../../state/uiStore';
import { attestationBody } from './attestationDraft';
import { useSign } from './useIdentity';

const LEVELS = [
  { value: 0.25, label: 'beginner (25%)' },
  { value: 0.5, label: 'competent (50%)' },
  { value: 0.75, label: 'proficient (75%)' },
  { value: 1, label: 'expert (100%)' },
];

/**
 * Sign an attestation about another member (shared/identity/eventKinds.ts `attestation`): either
 * "worked with them" on a project, in a role, between two dates, or "can vouch for skill X at level
 * Y". It goes to the signed ledger like feedback, is verified on every peer and feeds evidence trust.
 * `subject` is the member's current key (after any rotation).
 */
export function AttestationForm({ subject, subjectName, onDone }: { subject: string; subjectName: string; onDone(): void }) {
  const { session } = useApp();
  const sign = useSign();
  const notify = useUi((s) => s.notify);
  const projects = useYSnapshot(session?.workspace.doc, listProjects, []);
  const [type, setType] = useState<'worked-with' | 'skill'>('worked-with');
  const [chosenProject, setProject] = useState('');
  const project = chosenProject || projects[0]?.id || '';
  const [role, setRole] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [skill, setSkill] = useState('');
  const [level, setLevel] = useState(0.75);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const draft = attestationBody({ subject, type, project, role, from, to, skill, level, comment });
    if ('error' in draft) return setError(draft.error);
    setError(null);
    setBusy(true);
    try {
      await sign('attestation', draft.body);
      notify(`Attestation about ${subjectName} signed and added to the ledger`);
      onDone();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel attestation-form" onSubmit={submit} onChange={() => error && setError(null)} data-testid="attestation-form" aria-labelledby="attestation-title">
      <h3 id="attestation-title">Attest about {subjectName}</h3>
      <fieldset className="attest-type">
        <legend>What you attest</legend>
        <label>
          <input type="radio" name="attest-type" checked={type === 'worked-with'} onChange={() => setType('worked-with')} data-testid="attest-type-worked-with" /> I worked with them
        </label>
        <label>
          <input type="radio" name="attest-type" checked={type === 'skill'} onChange={() => setType('skill')} data-testid="attest-type-skill" /> I can vouch for a skill
        </label>
      </fieldset>
      {type === 'worked-with' ? (
        <div className="grid2">
          <label className="field">
            Project
            <select value={project} onChange={(e) => setProject(e.target.value)} data-testid="attest-project">
              {projects.length === 0 && <option value="">no projects yet</option>}
              {projects.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            Their role
            <input value={role} onChange={(e) => setRole(e.target.value)} maxLength={200} data-testid="attest-role" />
          </label>
          <label className="field">
            From
            <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="attest-from" />
          </label>
          <label className="field">
            To (empty: still working together)
            <input type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="attest-to" />
          </label>
        </div>
      ) : (
        <div className="grid2">
          <label className="field">
            Skill
            <input value={skill} onChange={(e) => setSkill(e.target.value)} maxLength={200} placeholder="e.g. facilitation" data-testid="attest-skill" />
          </label>
          <label className="field">
            Level
            <select value={level} onChange={(e) => setLevel(Number(e.target.value))} data-testid="attest-level">
              {LEVELS.map((l) => (
                <option key={l.value} value={l.value}>
                  {l.label}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      <label className="field">
        Comment
        <textarea value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} rows={2} data-testid="attest-comment" />
      </label>
      {error && (
        <p className="field-error" role="alert" data-testid="attestation-error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy} data-testid="sign-attestation">
          Sign attestation
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
