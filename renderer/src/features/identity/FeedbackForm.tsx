import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { FeedbackBody } from '../../../../shared/identity/eventKinds';
import { addFeedbackDimension, feedbackDimensions } from '../../../../shared/model/docs/feedbackDimensions';
import { readTeamPlan, type TeamPlan } from '../../../../shared/model/docs/projectTeam';
import { listProjects } from '../../../../shared/model/docs/workspaceDoc';
import { useNetwork } from '../../hooks/useNetwork';
import { useApp } from '../../hooks/useSession';
import { useYSnapshot } from '../../hooks/useYSnapshot';
import { LOCAL } from '../../session/rooms';
import { useUi } from '../../state/uiStore';
import { useIdentity, useSign } from './useIdentity';
import type { TrustEvidence } from './useTrustEvidence';

const SCALE = { min: 1, max: 5 } as const;
const SCALE_WORDS = ['', 'poor', 'below par', 'good', 'very good', 'outstanding'];
const NO_DIMS: string[] = [];

interface Draft {
  score: number;
  comment: string;
}

/**
 * Structured feedback for one engagement (never one star): every dimension of the workspace with a
 * 1–5 scale and a comment, and the context (role, project type, constraints). The author signs it.
 * Whom to give it to is offered from the project's accepted team (people linked to member keys).
 */
export function FeedbackForm({ evidence, subject: initialSubject, onDone }: { evidence: TrustEvidence; subject?: string; onDone(): void }) {
  const { session } = useApp();
  const { key: me } = useIdentity();
  const sign = useSign();
  const notify = useUi((s) => s.notify);
  const { net } = useNetwork();
  const projects = useYSnapshot(session?.workspace.doc, listProjects, []);
  const dims = useYSnapshot(session?.workspace.doc, feedbackDimensions, NO_DIMS);
  const [chosenProject, setProject] = useState('');
  const project = chosenProject || projects[0]?.id || '';
  const [loaded, setLoaded] = useState<{ project: string; plan: TeamPlan } | null>(null);
  const plan = loaded?.project === project ? loaded.plan : null;
  const [subject, setSubject] = useState(initialSubject ?? '');
  const [milestone, setMilestone] = useState('');
  const [role, setRole] = useState('');
  const [projectType, setProjectType] = useState('');
  const [constraints, setConstraints] = useState('');
  const [scores, setScores] = useState<Record<string, Draft>>({});
  const [newDim, setNewDim] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    if (!session || !project) return;
    void session.openProject(project).then((doc) => live && setLoaded({ project, plan: readTeamPlan(doc) }));
    return () => void (live = false);
  }, [session, project]);

  const names = useMemo(() => new Map(net.people.map((p) => [p.id, p.name])), [net]);
  const teammates = useMemo(() => {
    const roleLabel = new Map(plan?.roles.map((r) => [r.id, r.label]) ?? []);
    return (plan?.accepted?.members ?? []).map((m) => ({ personId: m.personId, name: names.get(m.personId) ?? m.personId, role: roleLabel.get(m.roleId) ?? m.roleId, key: evidence.links.keyOfPerson(m.personId) }));
  }, [plan, names, evidence.links]);
  const others = evidence.members.filter((m) => m.key !== me);

  const pickSubject = (key: string) => {
    setSubject(key);
    const mate = teammates.find((t) => t.key === key);
    if (mate && !role) setRole(mate.role);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!subject) return setError('Choose whom the feedback is for.');
    if (subject === me) return setError('Feedback is about someone else; your own work is described in your profile.');
    if (!project) return setError('Choose the project (the engagement) the feedback is about.');
    const dimensions: FeedbackBody['dimensions'] = {};
    for (const d of dims) {
      const s = scores[d];
      if (!s || s.score < SCALE.min) return setError(`Give a score for ${d}.`);
      dimensions[d] = { score: s.score, scale: { ...SCALE }, comment: s.comment.trim() };
    }
    const body: FeedbackBody = {
      subject,
      engagement: { project, milestone: milestone.trim() || null },
      context: { role: role.trim(), projectType: projectType.trim(), constraints: constraints.split(',').map((c) => c.trim()).filter(Boolean) },
      dimensions,
    };
    if (!body.context.role) return setError('Say in what role they worked.');
    if (!body.context.projectType) return setError('Say what kind of project it was.');
    setBusy(true);
    try {
      await sign('feedback', body);
      notify(`Feedback for ${evidence.nameOfKey(subject)} signed and added to the ledger`);
      onDone();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const addDim = () => {
    if (!session) return;
    try {
      addFeedbackDimension(session.workspace.doc, newDim, LOCAL);
      setNewDim('');
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    }
  };

  return (
    <form className="panel feedback-form" onSubmit={submit} data-testid="feedback-form" aria-labelledby="feedback-title">
      <h3 id="feedback-title">Give feedback</h3>
      <div className="grid2">
        <label className="field">
          Project (engagement)
          <select value={project} onChange={(e) => setProject(e.target.value)} data-testid="feedback-project">
            {projects.length === 0 && <option value="">no projects yet</option>}
            {projects.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Milestone (optional)
          <input value={milestone} onChange={(e) => setMilestone(e.target.value)} maxLength={200} data-testid="feedback-milestone" />
        </label>
        <label className="field">
          For
          <select value={subject} onChange={(e) => pickSubject(e.target.value)} data-testid="feedback-subject">
            <option value="">choose…</option>
            {teammates.length > 0 && (
              <optgroup label="The project's accepted team">
                {teammates.map((t) => (
                  <option key={t.personId} value={t.key ?? `unlinked:${t.personId}`} disabled={!t.key || t.key === me}>
                    {t.name} · {t.role}
                    {t.key ? '' : ' (not linked to a member key yet)'}
                  </option>
                ))}
              </optgroup>
            )}
            <optgroup label="Members">
              {others.map((m) => (
                <option key={m.key} value={m.key}>
                  {m.name}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <label className="field">
          Their role
          <input value={role} onChange={(e) => setRole(e.target.value)} maxLength={200} data-testid="feedback-role" />
        </label>
        <label className="field">
          Project type
          <input value={projectType} onChange={(e) => setProjectType(e.target.value)} maxLength={200} placeholder="e.g. product sprint" data-testid="feedback-project-type" />
        </label>
        <label className="field">
          Constraints (comma separated)
          <input value={constraints} onChange={(e) => setConstraints(e.target.value)} placeholder="e.g. async-first, tight budget" data-testid="feedback-constraints" />
        </label>
      </div>
      <fieldset className="dims">
        <legend>Dimensions (1 poor – 5 outstanding)</legend>
        {dims.map((d) => (
          <div key={d} className="dim-row" data-testid={`dim-${d}`}>
            <span className="strong">{d}</span>
            <div className="scale" role="radiogroup" aria-label={`${d} score`}>
              {[1, 2, 3, 4, 5].map((n) => (
                <label key={n} className={`scale-step ${scores[d]?.score === n ? 'on' : ''}`} title={SCALE_WORDS[n]}>
                  <input type="radio" name={`score-${d}`} value={n} checked={scores[d]?.score === n} onChange={() => setScores((s) => ({ ...s, [d]: { score: n, comment: s[d]?.comment ?? '' } }))} data-testid={`score-${d}-${n}`} />
                  {n}
                </label>
              ))}
            </div>
            <input
              aria-label={`${d} comment`}
              placeholder="comment"
              maxLength={2000}
              value={scores[d]?.comment ?? ''}
              onChange={(e) => setScores((s) => ({ ...s, [d]: { score: s[d]?.score ?? 0, comment: e.target.value } }))}
              data-testid={`comment-${d}`}
            />
          </div>
        ))}
        <div className="row">
          <input aria-label="New dimension" placeholder="add a dimension for the workspace" value={newDim} onChange={(e) => setNewDim(e.target.value)} data-testid="new-dimension" />
          <button type="button" className="secondary" onClick={addDim} disabled={!newDim.trim()}>
            Add dimension
          </button>
        </div>
      </fieldset>
      {error && (
        <p className="field-error" role="alert" data-testid="feedback-error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy} data-testid="sign-feedback">
          Sign and give feedback
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
