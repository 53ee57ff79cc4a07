import { lazy, Suspense, useEffect, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { editObjective, objectiveText, projectName, setProjectName } from '../../../../shared/model/docs/projectDoc';
import { listProjects, ProjectSummarySchema, putProjectSummary, type ProjectSummary } from '../../../../shared/model/docs/workspaceDoc';
import { textCodec } from '../../forms/codecs';
import { SharedInput } from '../../forms/SharedInput';
import { useAct, useApp } from '../../hooks/useSession';
import { useYSnapshot } from '../../hooks/useYSnapshot';
import { LOCAL } from '../../session/rooms';
import { useUi } from '../../state/uiStore';
import { newId } from '../../storage/workspaces';
import { ExportProjectButton } from '../projectExport/ExportProjectButton';
import { AcceptedTeamView } from './AcceptedTeam';
import { AdjacentPanel } from './AdjacentPanel';
import { RequirementsStep } from './RequirementsStep';
import { TeamsStep } from './TeamsStep';
import { useTeamPlan } from './useTeamPlan';
import { CapabilitiesPanel, useObjectivePlan } from './CapabilitiesPanel';

// value flow, stewardship and the narrative editor (Tiptap) are large: loaded with the project page, not at start
const ValuePanel = lazy(() => import('../value/ValuePanel').then((m) => ({ default: m.ValuePanel })));
const AgreementsPanel = lazy(() => import('../agreements/AgreementsPanel').then((m) => ({ default: m.AgreementsPanel })));
const TrackRecordPanel = lazy(() => import('../stewardship/TrackRecordPanel').then((m) => ({ default: m.TrackRecordPanel })));

const NO_PROJECTS: ProjectSummary[] = [];

export function ProjectsView() {
  const { session } = useApp();
  const projects = useYSnapshot(session?.workspace.doc, listProjects, NO_PROJECTS);
  const selected = useUi((s) => s.selectedProjectId);
  const select = useUi((s) => s.selectProject);
  const notify = useUi((s) => s.notify);
  const act = useAct();
  const [name, setName] = useState('');
  if (!session) return null;

  const create = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return notify('Give the project a name', 'error');
    const id = newId('pr-');
    const doc = await session.openProject(id);
    const trimmed = name.trim();
    act({ label: `Create project “${trimmed}”`, place: { view: 'projects', projectId: id } }, () => {
      setProjectName(doc, trimmed, LOCAL);
      putProjectSummary(session.workspace.doc, { id, name: trimmed, createdAt: Date.now() }, LOCAL);
    });
    setName('');
    select(id);
  };
  const current = projects.find((p) => p.id === selected) ?? null;

  return (
    <section className="view projects" data-testid="projects-view">
      <header className="view-head">
        <h1>Projects</h1>
        <p className="muted">An objective, and later its capability pathway and team.</p>
      </header>
      <div className="split">
        <div className="list-col">
          <ul className="list">
            {projects.map((p) => (
              <li key={p.id}>
                <button type="button" className={`list-item ${p.id === selected ? 'on' : ''}`} onClick={() => select(p.id)} data-testid="project-item">
                  {p.name}
                </button>
              </li>
            ))}
            {projects.length === 0 && <li className="muted">No projects yet.</li>}
          </ul>
          <form onSubmit={create} className="row">
            <input value={name} onChange={(e) => setName(e.target.value)} placeholder="New project name" data-testid="new-project-name" />
            <button type="submit" data-testid="create-project">
              Create
            </button>
          </form>
          <Suspense fallback={null}>
            <TrackRecordPanel />
          </Suspense>
        </div>
        {current ? <ProjectPage key={current.id} summary={current} /> : <p className="empty">Pick a project, or create one.</p>}
      </div>
    </section>
  );
}

const readProject = (doc: Y.Doc) => ({ name: projectName(doc), objective: objectiveText(doc).toString() });
const EMPTY_PROJECT = { name: '', objective: '' };

const PROJECT_NAME = textCodec('Project name', ProjectSummarySchema.shape.name);

function ProjectPage({ summary }: { summary: ProjectSummary }) {
  const { session } = useApp();
  const notify = useUi((s) => s.notify);
  const act = useAct();
  const [doc, setDoc] = useState<Y.Doc | undefined>();
  useEffect(() => {
    let live = true;
    session?.openProject(summary.id).then((d) => live && setDoc(d), (e: Error) => notify(e.message, 'error'));
    return () => {
      live = false;
    };
  }, [session, summary.id, notify]);
  const project = useYSnapshot(doc, readProject, EMPTY_PROJECT);
  const team = useTeamPlan(doc);
  const plan = useObjectivePlan(project.objective, team.roles);
  if (!doc || !session) return <p className="muted">Opening…</p>;

  const place = { view: 'projects', projectId: summary.id };
  const rename = (value: string) =>
    act({ label: `Rename project “${project.name || summary.name}” to “${value}”`, place }, () => {
      setProjectName(doc, value, LOCAL);
      putProjectSummary(session.workspace.doc, { ...summary, name: value }, LOCAL);
    });
  return (
    <article className="panel project-page" data-testid="project-page" aria-labelledby="project-title">
      <h2 id="project-title" className="sr-only">
        {project.name || summary.name}
      </h2>
      <SharedInput label="Project name" value={project.name || summary.name} codec={PROJECT_NAME} onCommit={rename} testId="project-name" autoComplete="off" />
      <label>
        Objective
        <textarea
          rows={6}
          value={project.objective}
          onChange={(e) => act({ label: `Edit the objective of “${project.name || summary.name}”`, place }, () => editObjective(doc, e.target.value, LOCAL), { merge: true })}
          placeholder="What should this team achieve?"
          data-testid="project-objective"
        />
      </label>
      <p className="muted small">
        Edits are saved as you type and merge with everyone else's. <ExportProjectButton id={summary.id} name={project.name || summary.name} objective={project.objective} plan={team} />
      </p>
      <RequirementsStep doc={doc} projectId={summary.id} objective={project.objective} forecast={plan?.ok ? plan.forecast : null} plan={team} />
      <CapabilitiesPanel objective={project.objective} plan={plan} roles={team.roles} />
      <TeamsStep doc={doc} projectId={summary.id} plan={team} />
      <AcceptedTeamView plan={team} />
      <Suspense fallback={<p className="muted small">Loading agreements…</p>}>
        <AgreementsPanel doc={doc} projectId={summary.id} projectName={project.name || summary.name} plan={team} />
      </Suspense>
      <AdjacentPanel skills={team.roles.length ? team.roles.map((r) => r.skill) : plan?.ok ? plan.forecast.requirements.map((r) => r.skill) : []} />
      <Suspense fallback={<p className="muted small">Loading value flow…</p>}>
        <ValuePanel doc={doc} projectId={summary.id} />
      </Suspense>
    </article>
  );
}
