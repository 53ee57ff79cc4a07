import { useEffect, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { projectLedger } from '../../../../shared/value/doc/projectLedger';
import { appendEscrowEvent, appendPersonClaim, openValueSection } from '../../../../shared/value/doc/valueDoc';
import { useNetwork } from '../../hooks/useNetwork';
import { useApp } from '../../hooks/useSession';
import { LOCAL } from '../../session/rooms';
import { useIdentity, useMembers } from '../identity/useIdentity';
import { HealthView } from '../stewardship/HealthView';
import { DisputeView } from './DisputeView';
import { EscrowView } from './EscrowView';
import { NarrativeEditor } from './NarrativeEditor';
import { keyLabel, signClaim, signEscrow } from './signing';
import { SplitsView } from './SplitsView';
import { useActingAs, useNow, useValue } from './useValue';
import './value.css';
import { useTrustEvidence } from '../identity/useTrustEvidence';
import { PersonOptions } from './valueTab';

const TABS = ['escrow', 'disputes', 'splits', 'health', 'narrative'] as const;
type Tab = (typeof TABS)[number];

/** Value flow and stewardship for one project: escrow, disputes, splits and taxes, health, narrative. */
export function ValuePanel({ doc, projectId }: { doc: Y.Doc; projectId: string }) {
  const { session, user } = useApp();
  const { net } = useNetwork();
  // bring the section to this app's schema version (idempotent), or say why it cannot be opened
  const error = useMemo(() => {
    try {
      openValueSection(doc, 'migration');
      return null;
    } catch (e) {
      return (e as Error).message;
    }
  }, [doc]);
  const value = useValue(doc);
  const now = useNow();
  // signature checks are remembered by each event's exact JSON: a re-read verifies only what is new
  const verified = useMemo(() => new Map<string, boolean>(), [doc]); // eslint-disable-line react-hooks/exhaustive-deps
  // people linked to a member's key in this workspace act only through that key (before any project claim)
  const { links } = useTrustEvidence();
  const linked = useMemo(() => new Map(links.links.map((l) => [l.person, links.keyOfPerson(l.person) ?? l.key])), [links]);
  const ledger = useMemo(() => projectLedger(value, now, { cache: verified, linked }), [value, now, verified, linked]);
  const { key: myKey, error: keyError } = useIdentity();
  const memberList = useMembers();
  const memberNames = useMemo(() => new Map(memberList.map((m) => [m.key, m.name])), [memberList]);
  const signer = (key: string) => keyLabel(key, memberNames);
  const [tab, setTab] = useState<Tab>('escrow');
  const [me, setMe] = useActingAs(projectId);
  const names = useMemo(() => new Map(net.people.map((p) => [p.id, p.name])), [net]);
  const name = (id: string) => names.get(id) ?? id;
  const members = useMemo(() => [...new Set(value.milestones.flatMap((m) => [m.payer, m.payee]))], [value.milestones]);

  const bound = me ? ledger.bindings.keys.get(me) : undefined;
  // this device acts for `me` only through its own key: the first member to claim a person binds them
  const canAct = Boolean(me && myKey && (bound === undefined || bound === myKey));
  const claiming = useRef(new Set<string>());
  useEffect(() => {
    if (!me || !myKey || bound !== undefined || claiming.current.has(me)) return;
    claiming.current.add(me);
    signClaim(me)
      .then((claim) => appendPersonClaim(doc, claim, LOCAL))
      .catch(() => claiming.current.delete(me));
  }, [doc, me, myKey, bound]);

  // a resolved dispute's outcome drives the ledger: any peer that sees it writes the one resolve (same id, counted once), signed by itself
  const resolving = useRef(new Set<string>());
  useEffect(() => {
    if (!myKey) return;
    for (const d of ledger.disputes) {
      const e = d.pendingResolve;
      if (!e || d.ledgerReason || resolving.current.has(e.id)) continue;
      resolving.current.add(e.id);
      signEscrow(e)
        .then((signed) => appendEscrowEvent(doc, signed, LOCAL))
        .catch(() => resolving.current.delete(e.id));
    }
  }, [doc, ledger, myKey]);

  if (error) return <p className="warning">{error}</p>;
  return (
    <section className="value-panel" data-testid="value-panel">
      <header className="value-head">
        <h2>Value and stewardship</h2>
        <label className="small">
          Acting as
          <select value={me} onChange={(e) => setMe(e.target.value)} data-testid="acting-as">
            <PersonOptions people={net.people} empty="— choose —" />
          </select>
        </label>
      </header>
      <p className="small value-signing" data-testid="signing-status" data-can-act={canAct} data-blocked={Boolean(me && myKey && !canAct)}>
        {keyError
          ? keyError
          : !myKey
            ? 'Opening your signing key…'
            : !me
              ? `Your key: ${signer(myKey)}. Every money event and vote you make is signed with it.`
              : canAct
                ? `You act as ${name(me)}, signing with your key ${signer(myKey)}. Events that are not signed by the key bound to their actor move no money.`
                : `${name(me)} is bound to another member’s key (${signer(bound!)}): you cannot act as them from here.`}
      </p>
      {me && (
        <p className="small value-my-role" data-testid="my-role">
          {value.roles[me] ? (
            <>
              Your role in the mission: <q>{value.roles[me]}</q>{' '}
            </>
          ) : (
            <>{name(me)} has no role statement yet. </>
          )}
          <button type="button" className="link-button" onClick={() => setTab('narrative')}>
            {value.roles[me] ? 'Read it with the mission narrative' : 'Write one beside the mission narrative'}
          </button>
        </p>
      )}
      <div className="value-tabs" role="tablist">
        {TABS.map((t) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} className={tab === t ? 'on' : ''} onClick={() => setTab(t)} data-testid={`value-tab-${t}`}>
            {t}
            {t === 'disputes' && ledger.disputes.some((d) => d.state.stage !== 'resolved' && !d.ledgerReason) ? ' •' : ''}
          </button>
        ))}
      </div>
      {value.invalid.length > 0 && (
        <p className="warning small" data-testid="value-invalid">
          {value.invalid.length} record(s) from a peer failed validation and are not used: {value.invalid.map((i) => `${i.where}: ${i.problem}`).join('; ')}
        </p>
      )}
      {tab === 'escrow' && <EscrowView doc={doc} value={value} ledger={ledger} net={net} me={canAct ? me : ''} name={name} signer={signer} />}
      {tab === 'disputes' && <DisputeView doc={doc} value={value} ledger={ledger} me={canAct ? me : ''} name={name} now={now} signer={signer} />}
      {tab === 'splits' && <SplitsView doc={doc} value={value} ledger={ledger} net={net} me={me} name={name} />}
      {tab === 'health' && <HealthView doc={doc} value={value} ledger={ledger} net={net} me={me} name={name} now={now} />}
      {tab === 'narrative' && <NarrativeEditor doc={doc} awareness={session?.projectAwareness(projectId)} user={user} me={me} name={name} roles={value.roles} members={members} />}
    </section>
  );
}
