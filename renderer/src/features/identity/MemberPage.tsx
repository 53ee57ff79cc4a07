import { useEffect, useMemo, useState } from 'react';
import type { AttestationBody, FeedbackBody } from '../../../../shared/identity/eventKinds';
import type { SignedEvent } from '../../../../shared/identity/signedEvent';
import type { LedgerEntry } from '../../../../shared/model/docs/ledgerDoc';
import { feedbackScores } from '../../../../shared/trust/evidenceTrust';
import { inflationModel, normalise } from '../../../../shared/trust/inflationCorrection';
import type { RiskAdvice } from '../../../../shared/trust/riskAdvice';
import { attachNetwork, engine } from '../../engine/engineClient';
import { useNetwork } from '../../hooks/useNetwork';
import { useApp } from '../../hooks/useSession';
import { useUi } from '../../state/uiStore';
import { AttestationForm } from './AttestationForm';
import { DistributionChart } from './DistributionChart';
import { LedgerItem } from './LedgerItem';
import { buildMyProfile, downloadJson } from './profileFile';
import { useIdentity } from './useIdentity';
import { fingerprint, type TrustEvidence } from './useTrustEvidence';

const pct = (x: number) => `${Math.round(x * 100)}%`;
const isAbout = (e: LedgerEntry) => e.event && (e.event.kind === 'feedback' || e.event.kind === 'attestation');

/**
 * A member's page: who they are (key, linked person), the signed feedback and attestations they
 * received, each verified or TAMPERED, feedback distributions per dimension and per context (raw and
 * corrected for rating inflation), and the ties whose trust rests on that signed evidence.
 */
export function MemberPage({ evidence, memberKey, onGiveFeedback }: { evidence: TrustEvidence; memberKey: string; onGiveFeedback(): void }) {
  const { session } = useApp();
  const { key: me } = useIdentity();
  const { net, doc } = useNetwork();
  const notify = useUi((s) => s.notify);
  const { history, links, entries, ties, nameOfKey } = evidence;
  const current = history.currentKey(memberKey);
  const person = links.personOfKey(memberKey);
  const personRecord = net.people.find((p) => p.id === person);
  const isMe = me !== null && current === history.currentKey(me);
  const [attestFor, setAttestFor] = useState<string | null>(null);

  // every item about any key of this member (a rotation keeps the history)
  const about = useMemo(() => entries.filter((e) => isAbout(e) && history.currentKey((e.event!.body as FeedbackBody | AttestationBody).subject) === current), [entries, history, current]);
  const feedback = about.filter((e) => e.event!.kind === 'feedback');
  const attestations = about.filter((e) => e.event!.kind === 'attestation');

  const charts = useMemo(() => {
    const valid = entries.filter((e) => e.status === 'valid' && e.event?.kind === 'feedback').map((e) => e.event as SignedEvent<'feedback'>);
    const model = inflationModel(valid.flatMap(feedbackScores));
    const mine = feedback.filter((e) => e.status === 'valid').map((e) => e.event as SignedEvent<'feedback'>);
    const byDim = new Map<string, { raw: number[]; corrected: number[] }>();
    const byContext = new Map<string, { raw: number[]; corrected: number[] }>();
    for (const e of mine) {
      const ctx = `${e.body.context.projectType} · ${e.body.context.role}`;
      for (const [dim, d] of Object.entries(e.body.dimensions)) {
        const s = { rater: e.author, score: d.score, min: d.scale.min, max: d.scale.max };
        for (const [map, k] of [[byDim, dim], [byContext, ctx]] as const) {
          const slot = map.get(k) ?? { raw: [], corrected: [] };
          slot.raw.push(normalise(s));
          slot.corrected.push(model.corrected(s));
          map.set(k, slot);
        }
      }
    }
    return { byDim: [...byDim], byContext: [...byContext] };
  }, [entries, feedback]);

  const tiesIn = ties.filter((t) => t.to === person);
  const myPerson = me ? links.personOfKey(me) : undefined;
  const fromName = (id: string) => {
    const key = links.keyOfPerson(id);
    const person = net.people.find((p) => p.id === id)?.name ?? id;
    return key ? `${nameOfKey(key)} (${person})` : person;
  };

  // the engine's trust advice from you to them: it sees the evidence-derived trust
  const [adviceFor, setAdvice] = useState<{ pair: string; advice: RiskAdvice | { error: string } } | null>(null);
  const pair = `${myPerson}>${person}`;
  const advice = adviceFor?.pair === pair ? adviceFor.advice : null;
  useEffect(() => {
    let live = true;
    if (!doc || !myPerson || !person || myPerson === person) return;
    void (async () => {
      await attachNetwork(doc);
      const out = await engine().advise(myPerson, [person]);
      if (live) setAdvice({ pair: `${myPerson}>${person}`, advice: 'error' in out ? out : (out[0] ?? { error: 'no advice' }) });
    })();
    return () => void (live = false);
  }, [doc, myPerson, person, ties]);

  const exportProfile = async () => {
    if (!session || !me) return;
    try {
      const file = await buildMyProfile({ session, me, name: nameOfKey(me), person: personRecord, entries });
      downloadJson(`profile-${nameOfKey(me).replace(/\W+/g, '-').toLowerCase()}.json`, file);
      notify(`Exported your signed profile with ${file.items.length} signed item${file.items.length === 1 ? '' : 's'}`);
    } catch (e) {
      notify(`Could not export your profile: ${(e as Error).message}`, 'error');
    }
  };

  return (
    <section className="panel member-page" data-testid="member-page" data-key={memberKey} aria-labelledby="member-page-title">
      <header className="row between wrap">
        <div>
          <h2 id="member-page-title">
            {nameOfKey(memberKey)} {isMe && <span className="chip">you</span>}
          </h2>
          <p className="muted small">
            key <code>{fingerprint(current)}</code>
            {current !== memberKey && <> (rotated from {fingerprint(memberKey)})</>} · {personRecord ? <>is {personRecord.name} in the network</> : 'not linked to a person of the network'}
          </p>
        </div>
        <div className="actions">
          {!isMe && (
            <button type="button" onClick={onGiveFeedback} data-testid="give-feedback">
              Give feedback
            </button>
          )}
          {!isMe && (
            <button type="button" className="secondary" onClick={() => setAttestFor(memberKey)} data-testid="give-attestation">
              Attest
            </button>
          )}
          {isMe && (
            <button type="button" className="secondary" onClick={exportProfile} data-testid="export-profile">
              Export signed profile
            </button>
          )}
        </div>
      </header>
      {!isMe && attestFor === memberKey && <AttestationForm subject={current} subjectName={nameOfKey(memberKey)} onDone={() => setAttestFor(null)} />}

      <h3>Trust resting on signed evidence</h3>
      {!person && <p className="muted small">Trust is about people of the network: link this member to a person to let their evidence count.</p>}
      {advice && 'advice' in advice && (
        <p data-testid="advice-trust" data-path-trust={advice.pathTrust.toFixed(4)}>
          The engine’s trust from you: <span className="strong">{pct(advice.pathTrust)}</span> along the best path ({advice.advice}).
        </p>
      )}
      {person && tiesIn.length === 0 && <p className="muted small">No tie into them rests on signed evidence yet.</p>}
      {tiesIn.length > 0 && (
        <ul className="evidence-ties">
          {tiesIn.map((t) => (
            <li key={t.from} data-testid="evidence-tie" data-from={t.from} data-trust={t.trust.toFixed(4)} data-prior={t.prior.toFixed(4)}>
              <span className="strong">{fromName(t.from)}</span> → {nameOfKey(memberKey)}: {pct(t.prior)} before evidence →{' '}
              <span className="strong">{pct(t.trust)}</span>, resting on {t.evidence.length} signed item{t.evidence.length === 1 ? '' : 's'}:
              <ul className="small muted">
                {t.evidence.map((it) => (
                  <li key={it.digest}>
                    {it.kind} of {new Date(it.at).toLocaleDateString()} · score {pct(it.score)} · weight {it.weight.toFixed(2)} · <code title={it.digest}>{it.digest.slice(0, 12)}</code>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}

      <h3>Feedback distributions</h3>
      {charts.byDim.length === 0 ? (
        <p className="muted small">No verified feedback yet.</p>
      ) : (
        <>
          <p className="muted small">Bars: scores as given. Dashed: corrected for each rater’s own habit (rating inflation). Lines: the means.</p>
          <div className="charts" data-testid="dimension-charts">
            {charts.byDim.map(([dim, d]) => (
              <DistributionChart key={dim} label={dim} raw={d.raw} corrected={d.corrected} testId={`chart-${dim}`} />
            ))}
          </div>
          <h4>By context (project type · role)</h4>
          <div className="charts" data-testid="context-charts">
            {charts.byContext.map(([ctx, d]) => (
              <DistributionChart key={ctx} label={ctx} raw={d.raw} corrected={d.corrected} />
            ))}
          </div>
        </>
      )}

      <h3>Feedback received ({feedback.length})</h3>
      <ul className="ledger-items">
        {feedback.map((e) => (
          <LedgerItem key={e.index} entry={e} authorName={nameOfKey(e.event!.author)} />
        ))}
      </ul>
      <h3>Attestations received ({attestations.length})</h3>
      {attestations.length === 0 && <p className="muted small">None yet.</p>}
      <ul className="ledger-items">
        {attestations.map((e) => (
          <LedgerItem key={e.index} entry={e} authorName={nameOfKey(e.event!.author)} />
        ))}
      </ul>
    </section>
  );
}
