import { useMemo, useState, type FormEvent } from 'react';
import type { Rotation } from '../../../../shared/identity/keyRotation';
import { putLinkClaim } from '../../../../shared/model/docs/linkClaims';
import { useNetwork } from '../../hooks/useNetwork';
import { useApp } from '../../hooks/useSession';
import { LOCAL } from '../../session/rooms';
import { useUi } from '../../state/uiStore';
import { FeedbackForm } from './FeedbackForm';
import { MemberPage } from './MemberPage';
import { NewKeyPanel } from './NewKeyPanel';
import { ProfileImportDialog } from './ProfileImportDialog';
import { useIdentity, useSign } from './useIdentity';
import { fingerprint, ROTATION_ATTESTATIONS, useTrustEvidence } from './useTrustEvidence';
import './identity.css';

/**
 * `#/members`: the workspace's members (names bound to keys), linking people of the network to
 * member keys (a claim, then the key's signature), key rotations, and a member's page.
 */
export default function MembersView() {
  const { session } = useApp();
  const { key: me, error } = useIdentity();
  const sign = useSign();
  const notify = useUi((s) => s.notify);
  const evidence = useTrustEvidence();
  const { net } = useNetwork();
  const { members, claims, links, history, entries } = evidence;
  // the open member's page is part of the route (#/members/<key>), so it can be linked and back returns from it
  const selected = useUi((s) => s.selectedMemberKey);
  const setSelected = useUi((s) => s.selectMember);
  const [feedbackFor, setFeedbackFor] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [claimMember, setClaimMember] = useState('');
  const [claimPerson, setClaimPerson] = useState('');
  const [rotOld, setRotOld] = useState('');
  const [rotNew, setRotNew] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const people = useMemo(() => [...net.people].sort((a, b) => a.name.localeCompare(b.name)), [net]);
  const personName = (id: string) => net.people.find((p) => p.id === id)?.name ?? id;
  const linkedPeople = new Set(links.links.map((l) => l.person));
  const pendingForMe = claims.filter((c) => c.key === me && links.keyOfPerson(c.person) !== me && !linkedPeople.has(c.person));
  const counts = { valid: 0, tampered: 0, malformed: 0 };
  for (const e of entries) counts[e.status]++;

  const run = async (what: () => Promise<unknown>, done: string) => {
    setFormError(null);
    try {
      await what();
      notify(done);
    } catch (e) {
      setFormError((e as Error).message);
    }
  };
  const confirm = (person: string) => run(() => sign('person-link', { workspace: session!.workspaceId, person }), `You are now linked to ${personName(person)} (signed with your key)`);
  const claim = (e: FormEvent) => {
    e.preventDefault();
    if (!session || !me) return;
    if (!claimMember || !claimPerson) return setFormError('Choose a member and a person.');
    if (linkedPeople.has(claimPerson)) return setFormError(`${personName(claimPerson)} is already linked to a key.`);
    void run(async () => {
      putLinkClaim(session.workspace.doc, { person: claimPerson, key: claimMember, by: me, at: Date.now() }, LOCAL);
      // a claim for yourself is confirmed at once: you hold the key
      if (claimMember === me) await sign('person-link', { workspace: session.workspaceId, person: claimPerson });
    }, claimMember === me ? `You are now linked to ${personName(claimPerson)}` : `Claimed ${personName(claimPerson)} for ${evidence.nameOfKey(claimMember)}: waiting for their key to confirm`);
  };
  const attestRotation = (e: FormEvent) => {
    e.preventDefault();
    const newKey = rotNew.trim().toLowerCase();
    if (!rotOld) return setFormError('Choose whose key rotates.');
    if (!/^[0-9a-f]{64}$/.test(newKey)) return setFormError('The new key is 64 hexadecimal digits (their new public key).');
    if (newKey === rotOld) return setFormError('The new key is the key that rotates.');
    const reason = rotOld === me ? 'rotated by its holder' : 'attested: the old key was lost';
    // signing with the key it rotates into is that key's acceptance, so the rotation holds at once
    const done = newKey === me ? 'Rotation signed and accepted by this device' : 'Rotation signed: it holds once the new key accepts it (Members → Key rotation → Accept, on the device that holds it)';
    void run(() => sign('key-rotation', { oldKey: rotOld, newKey, reason }), done);
  };
  const accept = (r: Rotation) => run(() => sign('key-rotation', { oldKey: r.oldKey, newKey: r.newKey, reason: 'accepted by the new key' }), `This device's key now speaks for ${evidence.nameOfKey(r.oldKey)}`);

  return (
    <section className="view members-view" data-testid="members-view">
      <header className="view-head row">
        <div>
          <h1>Members</h1>
          <p className="muted">
            Names bound to public keys. Ledger: <span data-testid="ledger-count">{entries.length}</span> signed events ({counts.valid} verified
            {counts.tampered ? `, ${counts.tampered} TAMPERED` : ''}
            {counts.malformed ? `, ${counts.malformed} malformed` : ''}).
          </p>
        </div>
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setImporting(true)} data-testid="import-profile">
            Import a profile…
          </button>
        </div>
      </header>
      {error && <p className="warning">{error}</p>}
      {pendingForMe.map((c) => (
        <div key={c.person} className="panel callout row between" data-testid="pending-claim">
          <span>
            {evidence.nameOfKey(c.by)} says you are <span className="strong">{personName(c.person)}</span> in the network.
          </span>
          <button type="button" onClick={() => void confirm(c.person)} data-testid="confirm-claim">
            Confirm with my key
          </button>
        </div>
      ))}
      <div className="members-layout">
        <div>
          <div className="table-wrap">
            <table className="table" data-testid="members-table">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Key</th>
                  <th>Person in the network</th>
                </tr>
              </thead>
              <tbody>
                {members.map((m) => {
                  const person = links.personOfKey(m.key);
                  const pending = claims.find((c) => c.key === m.key && !linkedPeople.has(c.person));
                  const retired = history.retiredAt(m.key);
                  return (
                    <tr key={m.key} className={selected === m.key ? 'selected' : ''} onClick={() => setSelected(m.key)} data-testid="member-row" data-key={m.key} tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && setSelected(m.key)}>
                      <td className="strong">
                        {m.name} {m.key === me && <span className="chip">you</span>}
                      </td>
                      <td>
                        <code title={m.key}>{fingerprint(m.key)}</code>
                        {retired && <span className="status status-thin"> retired → {fingerprint(history.currentKey(m.key))}</span>}
                      </td>
                      <td data-testid="member-person">
                        {person ? <span className="status status-ok">✓ {personName(person)}</span> : pending ? <span className="status status-thin">claimed {personName(pending.person)}, awaiting their key</span> : <span className="muted">not linked</span>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <form className="panel" onSubmit={claim} aria-labelledby="claim-title">
            <h2 id="claim-title">Link a person to a member</h2>
            <p className="muted small">A claim; it holds once the member’s key signs it.</p>
            <div className="row wrap">
              <select aria-label="Member" value={claimMember} onChange={(e) => setClaimMember(e.target.value)} data-testid="claim-member">
                <option value="">member…</option>
                {members.map((m) => (
                  <option key={m.key} value={m.key}>
                    {m.name}
                    {m.key === me ? ' (you)' : ''}
                  </option>
                ))}
              </select>
              <select aria-label="Person" value={claimPerson} onChange={(e) => setClaimPerson(e.target.value)} data-testid="claim-person">
                <option value="">person…</option>
                {people.map((p) => (
                  <option key={p.id} value={p.id} disabled={linkedPeople.has(p.id)}>
                    {p.name}
                  </option>
                ))}
              </select>
              <button type="submit" data-testid="claim-submit">
                Claim
              </button>
            </div>
          </form>
          <NewKeyPanel me={me} />
          <form className="panel" onSubmit={attestRotation} aria-labelledby="rotation-title">
            <h2 id="rotation-title">Key rotation</h2>
            <p className="muted small">
              A new key holds when the old key signs it, or when {ROTATION_ATTESTATIONS} other members attest it, and the new key accepts it (so nobody can rotate into a key that is not theirs). Signatures made before stay valid as history.
            </p>
            {history.rotations.map((r) => (
              <p key={r.oldKey} className="small" data-testid="rotation">
                {evidence.nameOfKey(r.oldKey)}: {fingerprint(r.oldKey)} → {fingerprint(r.newKey)} ({r.via === 'old-key' ? 'signed by the old key' : `attested by ${r.signers.map(evidence.nameOfKey).join(', ')}`})
              </p>
            ))}
            {history.pending.map((r) => (
              <p key={`${r.oldKey}>${r.newKey}`} className="small" data-testid="rotation-pending">
                Waiting for the new key to accept: {evidence.nameOfKey(r.oldKey)} {fingerprint(r.oldKey)} → {fingerprint(r.newKey)}
                {r.newKey === me ? (
                  <>
                    {' '}
                    <button type="button" className="secondary" onClick={() => void accept(r)} data-testid="accept-rotation">
                      Accept: this device's key becomes theirs
                    </button>
                  </>
                ) : (
                  ' (only the holder of the new key can accept)'
                )}
              </p>
            ))}
            <div className="row wrap">
              <select aria-label="Member whose key rotates" value={rotOld} onChange={(e) => setRotOld(e.target.value)}>
                <option value="">member…</option>
                {members.map((m) => (
                  <option key={m.key} value={m.key}>
                    {m.name}
                  </option>
                ))}
              </select>
              <input aria-label="New public key" placeholder="new public key (64 hex)" value={rotNew} onChange={(e) => setRotNew(e.target.value)} size={40} />
              <button type="submit" className="secondary">
                {rotOld && rotOld === me ? 'Sign rotation' : 'Attest rotation'}
              </button>
            </div>
          </form>
          {formError && (
            <p className="field-error" role="alert" data-testid="members-error">
              {formError}
            </p>
          )}
        </div>
        <div>
          {feedbackFor !== null && <FeedbackForm evidence={evidence} subject={feedbackFor || undefined} onDone={() => setFeedbackFor(null)} />}
          {selected && !/^[0-9a-f]{64}$/.test(selected) ? (
            <p className="warning panel" data-testid="member-not-found">
              This link names no member: “{selected.slice(0, 80)}” is not a public key (64 hexadecimal digits).
            </p>
          ) : selected ? (
            <MemberPage evidence={evidence} memberKey={selected} onGiveFeedback={() => setFeedbackFor(selected)} />
          ) : (
            <p className="muted panel">Choose a member to see their page: feedback, distributions and the trust that rests on it.</p>
          )}
        </div>
      </div>
      {importing && <ProfileImportDialog evidence={evidence} onClose={() => setImporting(false)} />}
    </section>
  );
}
