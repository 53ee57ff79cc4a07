import { useState, type ChangeEvent } from 'react';
import { eventDigest } from '../../../../shared/identity/signedEvent';
import { appendSignedEvent } from '../../../../shared/model/docs/ledgerDoc';
import { ModalDialog } from '../../components/ModalDialog';
import { useApp } from '../../hooks/useSession';
import { LOCAL } from '../../session/rooms';
import { useUi } from '../../state/uiStore';
import { checkProfileText, type ImportCheck } from './profileFile';
import { fingerprint, type TrustEvidence } from './useTrustEvidence';

/**
 * Imports a portable profile: every signature is verified first and the dialog shows exactly what is
 * verified (each signed item, by whom) and what is not (the subject's own claims are only self-signed;
 * a signer who is not a member here is an unknown key). A file that fails anywhere is rejected with the
 * reason and nothing at all is written.
 */
export function ProfileImportDialog({ evidence, onClose }: { evidence: TrustEvidence; onClose(): void }) {
  const { session } = useApp();
  const notify = useUi((s) => s.notify);
  const [check, setCheck] = useState<(ImportCheck & { fileName: string }) | null>(null);
  const memberKeys = new Set(evidence.members.map((m) => m.key));

  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    if (!f) return;
    setCheck({ ...checkProfileText(await f.text()), fileName: f.name });
  };

  const importNow = () => {
    if (!session || !check?.ok) return;
    const present = new Set(evidence.entries.filter((x) => x.event && x.status === 'valid').map((x) => eventDigest(x.event!)));
    const events = [check.file.profile, ...check.file.items].filter((ev) => !present.has(eventDigest(ev)));
    session.ledger.doc.transact(() => {
      for (const ev of events) appendSignedEvent(session.ledger.doc, ev, LOCAL);
    }, LOCAL);
    notify(`Imported the profile of ${check.report.name}: ${events.length} signed item${events.length === 1 ? '' : 's'} added to the ledger`);
    onClose();
  };

  const signerLabel = (key: string) => (memberKeys.has(key) ? `${evidence.nameOfKey(key)} (member here)` : `unknown key ${fingerprint(key)}`);

  return (
    <ModalDialog title="Import a signed profile" titleId="profile-import-title" testId="profile-import" onCancel={onClose}>
      <div className="import-body">
        <label className="field">
          Profile file (.json)
          <input type="file" accept="application/json,.json" onChange={pick} data-testid="profile-file" />
        </label>
        {check && !check.ok && (
          <div className="callout reject" role="alert" data-testid="profile-rejected">
            <p className="strong">Rejected: nothing was imported.</p>
            <p>{check.reason}</p>
            {check.report && <ReportTable report={check.report} signerLabel={signerLabel} />}
          </div>
        )}
        {check?.ok && (
          <div data-testid="profile-verified">
            <p>
              <span className="status status-ok">✓ every signature holds</span> Profile of <span className="strong">{check.report.name}</span>, key {fingerprint(check.report.subject)}
              {memberKeys.has(check.report.subject) ? ' (a member here)' : ' (not a member of this workspace)'}.
            </p>
            <h3 className="small">What is verified, and what is not</h3>
            <ul className="small">
              <li>
                Name, skills ({check.file.profile.body.skills.length}) and work history ({check.file.profile.body.workHistory.length}): signed by the subject. Verified as <em>their own claims</em>, not confirmed by anyone else.
              </li>
              <li>Each feedback and attestation below: signed by its author, about this subject, and listed in the subject’s signed profile. Whether an author is who they say depends on knowing their key:</li>
            </ul>
            <ReportTable report={check.report} signerLabel={signerLabel} />
          </div>
        )}
        <div className="actions">
          <button type="button" disabled={!check?.ok} onClick={importNow} data-testid="profile-import-confirm">
            Import
          </button>
          <button type="button" className="secondary" onClick={onClose} data-testid="profile-import-cancel">
            Close
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}

function ReportTable({ report, signerLabel }: { report: NonNullable<ImportCheck['report']>; signerLabel(key: string): string }) {
  return (
    <div className="table-scroll report">
      <table className="table compact" data-testid="profile-report">
        <thead>
          <tr>
            <th>Item</th>
            <th>Kind</th>
            <th>Signed by</th>
            <th>Signature</th>
          </tr>
        </thead>
        <tbody>
          {report.items.map((i) => (
            <tr key={i.path} data-valid={i.valid}>
              <td>
                <code>{i.path}</code>
              </td>
              <td>{i.kind}</td>
              <td>{signerLabel(i.signer)}</td>
              <td>{i.valid ? <span className="status status-ok">✓ verified</span> : <span className="status status-gap" title={i.reason}>✗ {i.reason}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
