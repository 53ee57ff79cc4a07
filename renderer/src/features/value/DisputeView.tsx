import { useState } from 'react';
import type * as Y from 'yjs';
import { disputeActions } from '../../../../shared/value/dispute/replayDispute';
import type { ProjectLedger } from '../../../../shared/value/doc/projectLedger';
import { appendDisputeEvent, type ValueSnapshot } from '../../../../shared/value/doc/valueDoc';
import type { DisputeEvent } from '../../../../shared/value/dispute/disputeSchema';
import { LOCAL } from '../../session/rooms';
import { useUi } from '../../state/uiStore';
import { signDispute } from './signing';
import { formatMinor, newEventId } from './useValue';

type Entry = ProjectLedger['disputes'][number];

const STEPS = ['negotiation', 'mediation', 'panel', 'resolved'] as const;

type Signer = (key: string) => string;

export function DisputeView({ doc, value, ledger, me, name, now, signer }: { doc: Y.Doc; value: ValueSnapshot; ledger: ProjectLedger; me: string; name: (id: string) => string; now: number; signer: Signer }) {
  if (!ledger.disputes.length) return <p className="muted" data-testid="no-disputes">No disputes. A party opens one from a funded or submitted milestone.</p>;
  return (
    <div data-testid="dispute-list">
      {ledger.disputes.map((d) => (
        <DisputeCard key={d.dispute.id} doc={doc} entry={d} value={value} ledger={ledger} me={me} name={name} now={now} signer={signer} />
      ))}
    </div>
  );
}

function DisputeCard({ doc, entry, value, ledger, me, name, now, signer }: { doc: Y.Doc; entry: Entry; value: ValueSnapshot; ledger: ProjectLedger; me: string; name: (id: string) => string; now: number; signer: Signer }) {
  const notify = useUi((s) => s.notify);
  const { dispute: d, state: s, ledgerReason } = entry;
  const record = value.milestones.find((m) => m.id === d.milestone);
  const cur = record?.currency ?? 'EUR';
  const [releasePct, setReleasePct] = useState(50);
  const [mediator, setMediator] = useState(d.mediatorCandidates[0] ?? '');
  const release = Math.round((d.held * releasePct) / 100);
  const split = { release, refund: d.held - release };
  const actions = me && !ledgerReason ? disputeActions(d, s, me) : [];
  // every proposal, choice, decision and panel vote is signed with this device's key (signing.ts)
  const send = (e: Record<string, unknown>) => {
    signDispute({ id: newEventId('dv'), dispute: d.id, actor: me, at: new Date().toISOString(), ...e } as DisputeEvent)
      .then((signed) => appendDisputeEvent(doc, signed, LOCAL))
      .catch((err: Error) => notify(err.message, 'error'));
  };
  const lastProposal = [...s.proposals].reverse().find((p) => p.by !== me);
  // the evidence timeline: ledger events of the milestone, dispute events, and the milestone's thread
  const ledgerHistory = ledger.replay.milestones.find((m) => m.id === d.milestone)?.history ?? [];
  const threadIds = new Set(value.threads.filter((t) => t.milestone === d.milestone).map((t) => t.id));
  // on an equal instant the dispute's step comes before the ledger event it caused (a decide before its resolve)
  const timeline = [
    ...s.history.map((h) => ({ at: h.event.at, text: `dispute: ${name(h.event.actor)} ${h.event.type}${'release' in h.event ? ` ${formatMinor(h.event.release, cur)} / ${formatMinor(h.event.refund, cur)}` : ''}${'mediator' in h.event ? ` ${name(h.event.mediator)}` : ''}${h.applied ? '' : ` (rejected: ${h.reason})`}${ledger.signers.has(h.event.id) ? ` ✓ signed by ${signer(ledger.signers.get(h.event.id)!)}` : ''}` })),
    ...entry.untrusted.map((u) => ({ at: u.event.at, text: `⚠ not counted: ${name(u.event.actor)} ${u.event.type}${'release' in u.event ? ` ${formatMinor(u.event.release, cur)} / ${formatMinor(u.event.refund, cur)}` : ''} (${u.reason})` })),
    ...ledgerHistory.map((h) => ({ at: h.event.at, text: `ledger: ${name(h.event.actor)} ${h.event.type}${h.applied ? '' : ` (rejected: ${h.reason})`}${ledger.signers.has(h.event.id) ? ` ✓ signed by ${signer(ledger.signers.get(h.event.id)!)}` : ''}` })),
    ...s.deadlinesPassed.map((x) => ({ at: new Date(x.at).toISOString(), text: `deadline of the ${x.stage} passed` })),
    ...value.messages.filter((m) => threadIds.has(m.thread)).map((m) => ({ at: m.at, text: `message: ${name(m.author)}: ${m.text}` })),
  ].sort((a, b) => a.at.localeCompare(b.at));

  return (
    <article className="panel value-dispute" data-testid="dispute" data-stage={ledgerReason ? 'void' : s.stage}>
      <header>
        <h3>Dispute on “{record?.title ?? d.milestone}”</h3>
        <span className="small muted">opened by {name(d.openedBy)} · {formatMinor(d.held, cur)} held</span>
      </header>
      {ledgerReason ? (
        <p className="warning" data-testid="dispute-void">
          The ledger rejected this dispute: {ledgerReason}. Its money already moved; nothing here changes it.
        </p>
      ) : (
        <ol className="value-steps" data-testid="dispute-steps">
          {STEPS.map((step) => {
            // the last step reached before the outcome: an agreement ends in negotiation, a mediator's decision in mediation
            const reached = s.outcome ? ({ agreement: 0, mediator: 1, panel: 2, 'panel-deadline': 2 } as const)[s.outcome.by] : STEPS.indexOf(s.stage);
            const i = STEPS.indexOf(step);
            const cls = step === s.stage ? 'on' : i <= reached ? 'done' : s.outcome ? 'skipped' : '';
            return (
              <li key={step} className={cls}>
                {step}
              </li>
            );
          })}
        </ol>
      )}
      {!ledgerReason && s.deadline !== undefined && (
        <p className="small" data-testid="dispute-deadline">
          This step ends {new Date(s.deadline).toISOString().slice(0, 16).replace('T', ' ')} UTC ({Math.max(0, Math.ceil((s.deadline - now) / 86_400_000))} days left); then it moves on by itself.
        </p>
      )}
      {s.outcome && (
        <p data-testid="dispute-outcome">
          Resolved by {s.outcome.by === 'mediator' ? name(s.outcome.resolver) : s.outcome.by}: release {formatMinor(s.outcome.release, cur)}, refund {formatMinor(s.outcome.refund, cur)}.
        </p>
      )}
      {s.stage === 'mediation' && (
        <p className="small">
          Suggested mediators (trusted by both, a party to neither): {d.mediatorCandidates.map(name).join(', ') || 'none found in the network'}
          {s.mediator ? ` · accepted by both: ${name(s.mediator)}` : Object.entries(s.accepted).map(([who, m]) => ` · ${name(who)} accepts ${name(m)}`).join('')}
        </p>
      )}
      {s.stage === 'panel' && (
        <p className="small" data-testid="dispute-panel" data-panel={d.panel.join(',')}>
          Panel: {d.panel.map(name).join(', ') || 'none'} · votes cast {Object.keys(s.votes).length} of {d.panel.length}; a strict majority decides
        </p>
      )}
      {actions.length > 0 && (
        <div className="row value-actions" data-testid="dispute-actions">
          {(actions.includes('propose') || actions.includes('decide') || actions.includes('vote')) && (
            <label className="small">
              release {releasePct}%
              <input type="range" min={0} max={100} value={releasePct} onChange={(e) => setReleasePct(Number(e.target.value))} data-testid="release-pct" />
            </label>
          )}
          {actions.includes('propose') && <button type="button" onClick={() => send({ type: 'propose', ...split })} data-testid="dispute-propose">Propose {formatMinor(split.release, cur)} / {formatMinor(split.refund, cur)}</button>}
          {actions.includes('accept') && lastProposal && <button type="button" onClick={() => send({ type: 'accept', proposal: lastProposal.id })} data-testid="dispute-accept">Accept {name(lastProposal.by)}’s {formatMinor(lastProposal.release, cur)} / {formatMinor(lastProposal.refund, cur)}</button>}
          {actions.includes('nominate') && d.mediatorCandidates.length > 0 && (
            <>
              <select value={mediator} onChange={(e) => setMediator(e.target.value)} aria-label="Mediator" data-testid="mediator-choice">
                {d.mediatorCandidates.map((c) => (
                  <option key={c} value={c}>{name(c)}</option>
                ))}
              </select>
              <button type="button" onClick={() => send({ type: 'nominate', mediator })} data-testid="dispute-nominate">Nominate</button>
            </>
          )}
          {actions.includes('accept-mediator') &&
            Object.entries(s.accepted)
              .filter(([who]) => who !== me)
              .map(([who, m]) => (
                <button key={who} type="button" onClick={() => send({ type: 'accept-mediator', mediator: m })} data-testid="dispute-accept-mediator">Accept {name(m)} as mediator</button>
              ))}
          {actions.includes('decide') && <button type="button" onClick={() => send({ type: 'decide', ...split })} data-testid="dispute-decide">Decide {formatMinor(split.release, cur)} / {formatMinor(split.refund, cur)}</button>}
          {actions.includes('vote') && <button type="button" onClick={() => send({ type: 'vote', ...split })} data-testid="dispute-vote">Vote {formatMinor(split.release, cur)} / {formatMinor(split.refund, cur)}</button>}
          {actions.includes('escalate') && <button type="button" className="secondary" onClick={() => send({ type: 'escalate' })} data-testid="dispute-escalate">Escalate</button>}
        </div>
      )}
      <details open>
        <summary>Evidence timeline</summary>
        <ol className="value-history small" data-testid="dispute-timeline">
          {timeline.map((t, i) => (
            <li key={i}>
              <time>{t.at.replace('T', ' ').slice(0, 16)}</time> {t.text}
            </li>
          ))}
        </ol>
      </details>
    </article>
  );
}
