import { useMemo, useState } from 'react';
import type * as Y from 'yjs';
import type { TeamPlan } from '../../../../shared/model/docs/projectTeam';
import { useNetwork } from '../../hooks/useNetwork';
import { useIdentity, useLedger, useMembers } from '../identity/useIdentity';
import { AgreementView } from './AgreementView';
import './agreements.css';
import { candidateParties } from './candidateParties';
import { NewAgreement } from './NewAgreement';
import { localTimeZone, useAgreements } from './useAgreements';

/** The project's multi-party agreements: start one from a template, edit it, and every party signs. */
export function AgreementsPanel({ doc, projectId, projectName, plan }: { doc: Y.Doc; projectId: string; projectName: string; plan: TeamPlan }) {
  const { snapshot, error } = useAgreements(doc, projectId);
  const { key: me, error: identityError } = useIdentity();
  const members = useMembers();
  const ledger = useLedger();
  const { net } = useNetwork();
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const team = useMemo(() => {
    const people = new Map(net.people.map((p) => [p.id, p]));
    const roles = new Map(plan.roles.map((r) => [r.id, r.label]));
    return (plan.accepted?.members ?? []).flatMap((m) => {
      const p = people.get(m.personId);
      return p ? [{ personId: p.id, name: p.name, timezone: p.timezone, role: roles.get(m.roleId) ?? m.roleId }] : [];
    });
  }, [net.people, plan]);
  const candidates = useMemo(() => candidateParties(members, team, me, localTimeZone()), [members, team, me]);
  if (error) return <p className="warning">{error}</p>;
  const shown = snapshot.agreements.find((a) => a.id === open) ?? snapshot.agreements.at(-1);

  return (
    <section className="step agreements" aria-labelledby="step-agreements" data-testid="agreements-panel">
      <header className="row between">
        <h3 id="step-agreements">Agreements</h3>
        <button type="button" className="secondary" onClick={() => setCreating((c) => !c)} aria-expanded={creating} data-testid="start-agreement">
          {creating ? 'Close' : 'New agreement'}
        </button>
      </header>
      <p className="small muted">Every party signs the exact version with their key. Any change after a signature makes it invalid until that party signs again.</p>
      {identityError && <p className="warning small">{identityError}</p>}
      {creating && (
        <NewAgreement
          doc={doc}
          projectId={projectId}
          projectName={projectName}
          candidates={candidates}
          onCreated={(id) => {
            setOpen(id);
            setCreating(false);
          }}
        />
      )}
      {snapshot.agreements.length > 1 && (
        <div className="agr-tabs" role="tablist" aria-label="Agreements">
          {snapshot.agreements.map((a) => (
            <button key={a.id} type="button" role="tab" aria-selected={shown?.id === a.id} className={shown?.id === a.id ? 'on' : ''} onClick={() => setOpen(a.id)} data-testid="agreement-tab">
              {a.agreement.title}
            </button>
          ))}
        </div>
      )}
      {snapshot.invalid.length > 0 && (
        <p className="warning small" data-testid="agreements-invalid">
          {snapshot.invalid.length} agreement record(s) from a peer failed validation and are not shown: {snapshot.invalid.map((i) => `${i.id}: ${i.problem}`).join('; ')}
        </p>
      )}
      {!shown && !creating && <p className="empty small">No agreement yet. Start one from a template.</p>}
      {shown && <AgreementView key={shown.id} doc={doc} projectId={projectId} record={shown} versions={snapshot.versions} ledger={ledger} me={me} identityError={identityError} members={members} />}
    </section>
  );
}
