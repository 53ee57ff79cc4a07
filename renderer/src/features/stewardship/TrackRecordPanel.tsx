import { useState } from 'react';
import { projectName } from '../../../../shared/model/docs/projectDoc';
import { listProjects } from '../../../../shared/model/docs/workspaceDoc';
import { signTrackRecordWith } from '../../../../shared/stewardship/signedTrackRecord';
import { trackRecord, type TrackRecord } from '../../../../shared/stewardship/trackRecord';
import { openValueSection, readValue } from '../../../../shared/value/doc/valueDoc';
import { useApp } from '../../hooks/useSession';
import { useUi } from '../../state/uiStore';
import { appKeyStore } from '../identity/keyStore';

/** The orchestrator's track record over the workspace's projects, shown, and exported signed with this member's key. */
export function TrackRecordPanel() {
  const { session } = useApp();
  const notify = useUi((s) => s.notify);
  const [record, setRecord] = useState<TrackRecord | null>(null);
  if (!session) return null;
  const build = async () => {
    try {
      const projects = await Promise.all(
        listProjects(session.workspace.doc).map(async (p) => {
          const doc = await session.openProject(p.id);
          openValueSection(doc, 'migration');
          return { id: p.id, name: projectName(doc) || p.name, value: readValue(doc) };
        }),
      );
      const r = trackRecord(projects, Date.now());
      setRecord(r);
      return r;
    } catch (e) {
      notify((e as Error).message, 'error');
      return null;
    }
  };
  const download = async () => {
    const r = await build();
    if (!r) return;
    let signed;
    try {
      signed = await signTrackRecordWith(appKeyStore(), r);
    } catch (e) {
      return notify(`The track record could not be signed: ${(e as Error).message}`, 'error');
    }
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([`${JSON.stringify(signed, null, 2)}\n`], { type: 'application/json' }));
    a.download = 'track-record.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };
  return (
    <section className="steward-track" data-testid="track-record">
      <div className="row">
        <button type="button" className="secondary" onClick={build} data-testid="track-record-show">Track record</button>
        <button type="button" className="secondary" onClick={download} data-testid="track-record-export">Export signed</button>
      </div>
      {record && (
        <>
          <p className="small muted">{record.note}</p>
          <table className="value-table small">
            <thead><tr><th>project</th><th>team</th><th>settled</th><th>late</th><th>tone</th><th>disputes</th></tr></thead>
            <tbody>
              {record.projects.map((p) => (
                <tr key={p.projectId}>
                  <td>{p.name}</td>
                  <td>{p.team.length}</td>
                  <td>{p.milestones.total - p.milestones.open}/{p.milestones.total}</td>
                  <td>{p.velocity.late}{p.velocity.meanLateDays !== undefined ? ` (${p.velocity.meanLateDays.toFixed(1)} d)` : ''}</td>
                  <td>{p.feedback.meanSentiment?.toFixed(2) ?? '—'}</td>
                  <td>{p.disputes.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
