import { useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { projectLedger } from '../../../../shared/value/doc/projectLedger';
import { appendEscrowEvent, openValueSection } from '../../../../shared/value/doc/valueDoc';
import { useNetwork } from '../../hooks/useNetwork';
import { useApp } from '../../hooks/useSession';
import { LOCAL } from '../../session/rooms';
import { HealthView } from '../stewardship/HealthView';
import { DisputeView } from './DisputeView';
import { EscrowView } from './EscrowView';
import { NarrativeEditor } from './NarrativeEditor';
import { SplitsView } from './SplitsView';
import { useActingAs, useNow, useValue } from './useValue';
import './value.css';
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
  const ledger = useMemo(() => projectLedger(value, now), [value, now]);
  const [tab, setTab] = useState<Tab>('escrow');
  const [me, setMe] = useActingAs(projectId);
  const names = useMemo(() => new Map(net.people.map((p) => [p.id, p.name])), [net]);
  const name = (id: string) => names.get(id) ?? id;
  const members = useMemo(() => [...new Set(value.milestones.flatMap((m) => [m.payer, m.payee]))], [value.milestones]);

  // a resolved dispute's outcome drives the ledger: any peer that sees it writes the one resolve (same id, counted once)
  useEffect(() => {
    for (const d of ledger.disputes) if (d.pendingResolve && !d.ledgerReason) appendEscrowEvent(doc, d.pendingResolve, LOCAL);
  }, [doc, ledger]);

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
      {tab === 'escrow' && <EscrowView doc={doc} value={value} ledger={ledger} net={net} me={me} name={name} />}
      {tab === 'disputes' && <DisputeView doc={doc} value={value} ledger={ledger} me={me} name={name} now={now} />}
      {tab === 'splits' && <SplitsView doc={doc} value={value} ledger={ledger} net={net} me={me} name={name} />}
      {tab === 'health' && <HealthView doc={doc} value={value} ledger={ledger} net={net} me={me} name={name} now={now} />}
      {tab === 'narrative' && <NarrativeEditor doc={doc} awareness={session?.projectAwareness(projectId)} user={user} me={me} name={name} roles={value.roles} members={members} />}
    </section>
  );
}
