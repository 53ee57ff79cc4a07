import type { AttestationBody, FeedbackBody } from '../../../../shared/identity/eventKinds';
import type { LedgerEntry } from '../../../../shared/model/docs/ledgerDoc';
import { listProjects, type ProjectSummary } from '../../../../shared/model/docs/workspaceDoc';
import { useApp } from '../../hooks/useSession';
import { useYSnapshot } from '../../hooks/useYSnapshot';

const NO_PROJECTS: ProjectSummary[] = [];
/** A project's name in this workspace, or its id when it is not (or no longer) here. */
function useProjectName(): (id: string) => string {
  const { session } = useApp();
  const projects = useYSnapshot(session?.workspace.doc, listProjects, NO_PROJECTS);
  return (id) => projects.find((p) => p.id === id)?.name ?? id;
}

/** Verified or TAMPERED, shown on every signed item: a bad signature is never hidden. */
export function VerifyBadge({ entry }: { entry: Pick<LedgerEntry, 'status' | 'reason'> }) {
  if (entry.status === 'valid')
    return (
      <span className="status status-ok" data-testid="verify-badge" data-status="valid" title="The author's signature holds over exactly this content">
        ✓ verified
      </span>
    );
  return (
    <span className="status status-gap" data-testid="verify-badge" data-status={entry.status} title={entry.reason}>
      {entry.status === 'tampered' ? '✗ TAMPERED' : '✗ malformed'}
    </span>
  );
}

const when = (iso: string) => new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

/** One feedback or attestation about a person, with its verification status and reason. */
export function LedgerItem({ entry, authorName }: { entry: LedgerEntry; authorName: string }) {
  const e = entry.event!;
  return (
    <li className={`ledger-item ${entry.status}`} data-testid={e.kind === 'feedback' ? 'feedback-item' : 'attestation-item'} data-status={entry.status}>
      <div className="row between">
        <span>
          <span className="strong">{authorName}</span> <span className="muted small">· {when(e.at)}</span>
        </span>
        <VerifyBadge entry={entry} />
      </div>
      {entry.status !== 'valid' && <p className="field-error">{entry.reason} — not counted in trust.</p>}
      {e.kind === 'feedback' ? <FeedbackDetail body={e.body as FeedbackBody} /> : <AttestationDetail body={e.body as AttestationBody} />}
    </li>
  );
}

function FeedbackDetail({ body }: { body: FeedbackBody }) {
  const c = body.context;
  const projectName = useProjectName();
  return (
    <>
      <p className="muted small">
        {c.role} · {c.projectType}
        {c.constraints.length ? ` · ${c.constraints.join(', ')}` : ''} · project {projectName(body.engagement.project)}
        {body.engagement.milestone ? `, milestone ${body.engagement.milestone}` : ''}
      </p>
      <ul className="dim-scores">
        {Object.entries(body.dimensions).map(([name, d]) => (
          <li key={name}>
            <span className="dim-name">{name}</span>{' '}
            <span className="num">
              {d.score}/{d.scale.max}
            </span>
            {d.comment && <span className="muted"> — {d.comment}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}

function AttestationDetail({ body }: { body: AttestationBody }) {
  const claim = body.claim;
  const projectName = useProjectName();
  return (
    <p className="small">
      {claim.type === 'worked-with' ? `Worked with them on ${projectName(claim.project)} as ${claim.role}` : `Vouches for ${claim.skill} at level ${Math.round(claim.level * 100)}%`}
      {body.comment && <span className="muted"> — {body.comment}</span>}
    </p>
  );
}
