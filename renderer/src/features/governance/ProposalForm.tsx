import { useState, type FormEvent } from 'react';
import { TERM_NAMES, type ObjectiveWeights } from '../../../../shared/assembly/objective';
import { putProposal } from '../../../../shared/governance/proposalsDoc';
import { useApp } from '../../hooks/useSession';
import { LOCAL } from '../../session/rooms';
import { useUi } from '../../state/uiStore';
import { newEventId } from '../value/useValue';
import { WEIGHT_DOCS } from './weightDocs';

const localInput = (ms: number) => {
  const d = new Date(ms);
  return new Date(ms - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** A member proposes new weights, with a quorum and a deadline; the proposal can never be edited after. */
export function ProposalForm({ current, me, memberCount, onDone }: { current: ObjectiveWeights; me: string; memberCount: number; onDone(): void }) {
  const { session } = useApp();
  const notify = useUi((s) => s.notify);
  const [title, setTitle] = useState('');
  const [rationale, setRationale] = useState('');
  const [weights, setWeights] = useState<Record<string, string>>(() => Object.fromEntries(TERM_NAMES.map((t) => [t, String(current[t])])));
  const [quorum, setQuorum] = useState(String(Math.max(1, Math.ceil(memberCount / 2))));
  const [deadline, setDeadline] = useState(() => localInput(Date.now() + 7 * 86_400_000));
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!session) return;
    const w = {} as ObjectiveWeights;
    for (const t of TERM_NAMES) {
      const v = Number(weights[t]);
      if (!weights[t].trim() || !Number.isFinite(v) || v < 0 || v > 1) return setError(`${WEIGHT_DOCS[t].label}: a number from 0 to 1.`);
      w[t] = v;
    }
    if (TERM_NAMES.every((t) => w[t] === current[t])) return setError('These are the current weights: change at least one.');
    const q = Number(quorum);
    if (!Number.isInteger(q) || q < 1) return setError('The quorum is a whole number of members, at least 1.');
    if (q > memberCount) return setError(`The quorum cannot exceed the ${memberCount} members of this workspace.`);
    const due = Date.parse(deadline);
    if (!Number.isFinite(due) || due <= Date.now()) return setError('The deadline must be in the future.');
    if (!title.trim()) return setError('Give the proposal a title.');
    try {
      putProposal(session.workspace.doc, { id: newEventId('gp'), title: title.trim(), rationale: rationale.trim(), proposer: me, weights: w, quorum: q, createdAt: new Date().toISOString(), deadline: new Date(due).toISOString() }, LOCAL);
      notify(`Proposed “${title.trim()}”`, 'info');
      onDone();
    } catch (err) {
      setError((err as Error).message);
    }
  };

  return (
    <form className="gov-form panel" onSubmit={submit} noValidate data-testid="proposal-form">
      <h3>Propose new weights</h3>
      <label>
        Title
        <input value={title} onChange={(e) => setTitle(e.target.value)} data-testid="proposal-title" />
      </label>
      <label>
        Why
        <textarea rows={2} value={rationale} onChange={(e) => setRationale(e.target.value)} data-testid="proposal-rationale" />
      </label>
      <div className="gov-grid">
        {TERM_NAMES.map((t) => (
          <label key={t} title={WEIGHT_DOCS[t].does}>
            {WEIGHT_DOCS[t].label} (now {current[t].toFixed(2)})
            <input type="number" min={0} max={1} step={0.05} value={weights[t]} onChange={(e) => setWeights({ ...weights, [t]: e.target.value })} data-testid={`proposal-weight-${t}`} />
          </label>
        ))}
      </div>
      <div className="gov-grid">
        <label>
          Quorum (members who must vote, of {memberCount})
          <input type="number" min={1} max={memberCount} step={1} value={quorum} onChange={(e) => setQuorum(e.target.value)} data-testid="proposal-quorum" />
        </label>
        <label>
          Deadline
          <input type="datetime-local" value={deadline} onChange={(e) => setDeadline(e.target.value)} data-testid="proposal-deadline" />
        </label>
      </div>
      <p className="small muted">Once made, a proposal cannot be edited: every vote is signed over its exact content.</p>
      {error && (
        <p className="field-error" role="alert" data-testid="proposal-error">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" data-testid="submit-proposal">
          Propose
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
