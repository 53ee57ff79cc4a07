import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import type { NetworkSnapshot } from '../../../../shared/model/docs/networkDoc';
import { buildTrustGraph } from '../../../../shared/graph/trustGraph';
import { suggestMediators } from '../../../../shared/value/dispute/suggestMediators';
import { escrowActions, ledgerCsv, nextActor, type EscrowAction, type ProjectLedger } from '../../../../shared/value/doc/projectLedger';
import { writeSampleHistory } from '../../../../shared/value/doc/sampleHistory';
import { appendEscrowEvent, putDispute, putMilestone, type MilestoneRecord } from '../../../../shared/value/doc/valueDoc';
import { createRng } from '../../../../shared/util/rng';
import type { MilestoneReplay } from '../../../../shared/value/replayLedger';
import { LOCAL } from '../../session/rooms';
import { useUi } from '../../state/uiStore';
import { signEscrow } from './signing';
import { formatMinor, newEventId, parseMajor } from './useValue';
import { PersonOptions, type ValueTabProps } from './valueTab';

type Props = ValueTabProps & { signer: (key: string) => string };

export function EscrowView({ doc, value, ledger, net, me, name, signer }: Props) {
  const download = () => {
    const blob = new Blob([ledgerCsv(ledger.replay, value.milestones, ledger.signers)], { type: 'text/csv' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'escrow-ledger.csv';
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };
  return (
    <div className="value-escrow" data-testid="escrow-view">
      <p className="value-disclaimer" data-testid="escrow-disclaimer">
        An escrow ledger and a plan, not a payment processor: no money moves through Archipelago. Record here what you agreed and did; settle with your own payment means.
      </p>
      <div className="row">
        <button type="button" className="secondary" onClick={download} data-testid="export-csv" disabled={!value.milestones.length}>
          Export CSV
        </button>
      </div>
      {ledger.replay.milestones.map((m) => (
        <MilestoneCard key={m.id} doc={doc} record={value.milestones.find((r) => r.id === m.id)!} m={m} ledger={ledger} net={net} me={me} name={name} signer={signer} />
      ))}
      {ledger.replay.orphans.length > 0 && (
        <div className="value-orphans">
          {ledger.replay.orphans.map((h) => (
            <p key={h.event.id} className="warning small">
              {h.event.id}: {h.reason}
            </p>
          ))}
        </div>
      )}
      <NewMilestone doc={doc} net={net} me={me} />
      {value.milestones.length === 0 && net.people.length >= 4 && (
        <p className="small muted">
          Exploring?{' '}
          <button type="button" className="secondary" onClick={() => writeSampleHistory(doc, { people: net.people, now: Date.now(), rng: createRng(net.people.length), origin: LOCAL })} data-testid="sample-history">
            Add a sample six-week history
          </button>{' '}
          (made-up milestones, a settled dispute and team talk, to see the charts and alerts at work).
        </p>
      )}
    </div>
  );
}

function MilestoneCard({ doc, record, m, ledger, net, me, name, signer }: { doc: Y.Doc; record: MilestoneRecord; m: MilestoneReplay; ledger: ProjectLedger; net: NetworkSnapshot; me: string; name: (id: string) => string; signer: (key: string) => string }) {
  const notify = useUi((s) => s.notify);
  const [amount, setAmount] = useState('');
  const actions = me ? escrowActions(record, m.state, me) : [];
  const cur = record.currency;
  const [busy, setBusy] = useState(false);
  // every money event is signed with this device's key before it is written (signing.ts)
  const act = async (type: EscrowAction) => {
    if (busy) return;
    setBusy(true);
    try {
      const at = new Date().toISOString();
      if (type === 'fund') {
        const minor = amount ? parseMajor(amount, cur) : record.budget;
        if (minor === undefined) return notify('Enter a positive amount', 'error');
        appendEscrowEvent(doc, await signEscrow({ id: newEventId('fund'), milestone: m.id, type, amount: minor, at, actor: me }), LOCAL);
        setAmount('');
      } else if (type === 'dispute') {
        const id = newEventId('dispute');
        let mediators: string[] = [];
        let panel: string[] = [];
        try {
          const s = suggestMediators(buildTrustGraph(net), record.payer, record.payee, { mediators: 3, panel: 5 });
          mediators = s.mediators.map((x) => x.personId);
          panel = s.panel.map((x) => x.personId);
        } catch {
          // a party not in the network: no suggestions, the dispute can still be negotiated
        }
        const open = await signEscrow({ id: `${id}:open`, milestone: m.id, type: 'dispute', at, actor: me });
        doc.transact(() => {
          appendEscrowEvent(doc, open, LOCAL);
          putDispute(doc, { id, milestone: m.id, payer: record.payer, payee: record.payee, openedBy: me, openedAt: at, held: m.held, mediatorCandidates: mediators, panel }, LOCAL);
        }, LOCAL);
      } else appendEscrowEvent(doc, await signEscrow({ id: newEventId(type), milestone: m.id, type, at, actor: me }), LOCAL);
    } catch (e) {
      notify((e as Error).message, 'error');
    } finally {
      setBusy(false);
    }
  };
  const untrusted = ledger.replay.untrusted.filter((u) => u.event.milestone === m.id);
  const dispute = ledger.disputes.find((d) => d.dispute.milestone === m.id && !d.ledgerReason);
  return (
    <article className="value-milestone panel" data-testid="milestone" data-milestone={record.title} data-state={m.state}>
      <header>
        <h3>{record.title}</h3>
        <span className={`value-state s-${m.state}`} data-testid="milestone-state">
          {m.state}
        </span>
      </header>
      <p className="small muted">
        {name(record.payer)} pays {name(record.payee)} · due {record.due.slice(0, 10)} · auto-release after {record.autoReleaseDays} days
      </p>
      <dl className="value-balance" data-testid="milestone-balance">
        <div><dt>funded</dt><dd data-testid="funded">{formatMinor(m.funded, cur)}</dd></div>
        <div><dt>held</dt><dd data-testid="held">{formatMinor(m.held, cur)}</dd></div>
        <div><dt>released</dt><dd data-testid="released">{formatMinor(m.released, cur)}</dd></div>
        <div><dt>refunded</dt><dd data-testid="refunded">{formatMinor(m.refunded, cur)}</dd></div>
      </dl>
      <p className="small" data-testid="next-actor">
        Next: {m.state === 'disputed' && dispute ? `the dispute (${dispute.state.stage})` : nextActor({ ...record, payer: name(record.payer), payee: name(record.payee) }, m.state)}
        {m.autoReleasedAt ? ` · auto-released ${new Date(m.autoReleasedAt).toISOString().slice(0, 10)}` : ''}
      </p>
      {actions.length > 0 && (
        <div className="row value-actions">
          {actions.includes('fund') && <input value={amount} onChange={(e) => setAmount(e.target.value)} placeholder={`amount (${cur})`} aria-label="Amount to fund" data-testid="fund-amount" />}
          {actions.map((a) => (
            <button key={a} type="button" disabled={busy} className={a === 'dispute' || a === 'cancel' ? 'secondary' : ''} onClick={() => void act(a)} data-testid={`action-${a}`}>
              {a}
            </button>
          ))}
        </div>
      )}
      {!me && <p className="small muted">Choose who you act as to see your actions.</p>}
      <ol className="value-history" data-testid="milestone-history">
        {m.history.map((h) => (
          <li key={h.event.id} className={h.applied ? 'applied' : 'rejected'} data-testid="history-entry" data-type={h.event.type} data-applied={h.applied}>
            <time>{h.event.at.replace('T', ' ').slice(0, 19)}</time> {name(h.event.actor)} {h.event.type}
            {h.event.type === 'fund' ? ` ${formatMinor(h.event.amount, cur)}` : ''}
            {h.event.type === 'resolve' ? ` release ${formatMinor(h.event.release, cur)}, refund ${formatMinor(h.event.refund, cur)}` : ''}
            {ledger.signers.has(h.event.id) && (
              <span className="value-signed" data-testid="signature-ok" title={`Ed25519 signature verified: ${ledger.signers.get(h.event.id)}`}>
                {' '}
                ✓ signed by {signer(ledger.signers.get(h.event.id)!)}
              </span>
            )}
            {!h.applied && (
              <span className="value-reason" data-testid="rejected-reason">
                {' '}
                — rejected: {h.reason}
              </span>
            )}
          </li>
        ))}
      </ol>
      {untrusted.length > 0 && (
        <ul className="value-untrusted" data-testid="untrusted-events" aria-label="Events that move no money">
          {untrusted.map((u, i) => (
            <li key={`${u.event.id}-${i}`} data-testid="untrusted-event" data-status={u.status}>
              <strong>{u.status === 'tampered' ? '⚠ tampered' : u.status === 'unsigned' ? 'unsigned' : 'not the actor’s key'}</strong>: {u.event.at.replace('T', ' ').slice(0, 19)} {name(u.event.actor)} {u.event.type}
              {u.event.type === 'fund' ? ` ${formatMinor(u.event.amount, cur)}` : ''} — {u.reason.replace(/^tampered: /, '').replace(`${u.event.actor}'s events`, `${name(u.event.actor)}’s events`)}; not trusted, it moves no money.
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

function NewMilestone({ doc, net, me }: { doc: Y.Doc; net: NetworkSnapshot; me: string }) {
  const notify = useUi((s) => s.notify);
  const [title, setTitle] = useState('');
  const [payer, setPayer] = useState(me);
  const [payee, setPayee] = useState('');
  const [budget, setBudget] = useState('');
  const [currency, setCurrency] = useState('EUR');
  const [due, setDue] = useState(() => new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10));
  const [days, setDays] = useState('14');
  const create = (e: FormEvent) => {
    e.preventDefault();
    try {
      const minor = parseMajor(budget, currency);
      if (minor === undefined) return notify('Give the milestone a positive budget', 'error');
      putMilestone(doc, { id: newEventId('ms'), title, payer, payee, currency, budget: minor, value: minor, autoReleaseDays: Number(days), due: new Date(`${due}T17:00:00Z`).toISOString(), createdAt: new Date().toISOString() }, LOCAL);
      setTitle('');
    } catch (err) {
      notify((err as Error).message, 'error');
    }
  };
  const people = net.people;
  return (
    <form className="value-new panel" onSubmit={create} data-testid="new-milestone">
      <h3>New milestone</h3>
      <label>
        Title <input value={title} onChange={(e) => setTitle(e.target.value)} data-testid="milestone-title" />
      </label>
      <label>
        Payer
        <select value={payer} onChange={(e) => setPayer(e.target.value)} data-testid="milestone-payer">
          <PersonOptions people={people} empty="—" />
        </select>
      </label>
      <label>
        Payee
        <select value={payee} onChange={(e) => setPayee(e.target.value)} data-testid="milestone-payee">
          <PersonOptions people={people} empty="—" />
        </select>
      </label>
      <label>
        Budget <input value={budget} onChange={(e) => setBudget(e.target.value)} placeholder="500.00" data-testid="milestone-budget" />
      </label>
      <label>
        Currency <input value={currency} onChange={(e) => setCurrency(e.target.value.toUpperCase())} maxLength={3} size={4} />
      </label>
      <label>
        Due <input type="date" value={due} onChange={(e) => setDue(e.target.value)} />
      </label>
      <label>
        Auto-release after (days) <input type="number" min={0} value={days} onChange={(e) => setDays(e.target.value)} />
      </label>
      <button type="submit" data-testid="create-milestone">Add milestone</button>
    </form>
  );
}
