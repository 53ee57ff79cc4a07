import { useState } from 'react';
import type { Agreement } from '../../../../shared/agreements/agreement';
import type { PartySignature } from '../../../../shared/agreements/signatureStatus';
import type { Member } from '../../../../shared/model/docs/members';
import { textCodec, timeZoneProblem } from '../../forms/codecs';
import { SharedInput } from '../../forms/SharedInput';
import { PartySchema } from '../../../../shared/agreements/agreement';
import { equalSplit } from '../../../../shared/agreements/agreementDoc';
import { describeChange } from './describeChange';
import type { Update } from './useUpdate';
import type { FieldCodec } from '../../forms/sharedField';

const STATE_LABEL: Record<PartySignature['state'], string> = {
  signed: 'Signed',
  stale: 'Invalid: changed since signing',
  unsigned: 'Not signed',
  tampered: 'Tampered signature',
};

const SCOPE = textCodec('Scope', PartySchema.shape.scope);
const TIMEZONE: FieldCodec<string> = {
  format: (v) => v,
  parse: (text) => {
    const v = text.trim();
    const problem = !v ? 'Give a time zone, like Europe/Lisbon' : timeZoneProblem(v);
    return problem ? { ok: false, message: problem } : { ok: true, value: v };
  },
};

/** Every party, their scope and time zone, and whether their signature holds for this exact version. */
export function Signatures({ agreement, status, signedVersion, tampered, me, members, canSign, onSign, update }: { agreement: Agreement; status: PartySignature[]; signedVersion(key: string): Agreement | undefined; tampered(key: string): number; me: string | null; members: Member[]; canSign: string | null; onSign(): void; update: Update }) {
  const [adding, setAdding] = useState('');
  const others = members.filter((m) => !agreement.parties.some((p) => p.key === m.key));
  const setParties = (label: string, parties: Agreement['parties']) => update(label, { parties, paymentSplit: equalSplit(parties.map((p) => p.key)) });
  return (
    <section className="agr-section" aria-labelledby={`sig-${agreement.id}`}>
      <h5 id={`sig-${agreement.id}`}>Parties, scope and signatures</h5>
      <ul className="agr-parties">
        {agreement.parties.map((p, i) => {
          const s = status.find((x) => x.key === p.key);
          const state = s?.state ?? 'unsigned';
          const mine = p.key === me;
          return (
            <li key={p.key} className={`agr-party sig-${state}`} data-testid="agreement-party" data-party={p.name} data-key={p.key} data-state={state}>
              <div className="agr-party-head">
                <strong>{p.name}</strong>
                {mine && <span className="badge">you</span>}
                <span className={`agr-sig sig-${state}`} data-testid="signature-state" title={s?.reason || undefined}>
                  {state === 'signed' ? '✓ ' : state === 'tampered' ? '⚠ ' : state === 'stale' ? '✗ ' : '○ '}
                  {STATE_LABEL[state]}
                  {s?.signedAt && <span className="small"> · signed {new Date(s.signedAt).toLocaleString()}</span>}
                </span>
                {mine && state !== 'signed' && (
                  <button type="button" onClick={onSign} disabled={canSign !== null} title={canSign ?? 'Sign this exact version with your key'} data-testid="sign-agreement">
                    {state === 'stale' ? 'Sign again' : 'Sign'}
                  </button>
                )}
                {agreement.parties.length > 2 && (
                  <button type="button" className="ghost danger small-btn" onClick={() => setParties(`Remove ${p.name} from “${agreement.title}” (shares made equal)`, agreement.parties.filter((x) => x.key !== p.key))} aria-label={`Remove ${p.name}`}>
                    Remove
                  </button>
                )}
              </div>
              {state === 'stale' && (
                <div className="agr-changes small" data-testid="changed-since">
                  {s!.changes.length ? (
                    <>
                      Changed since {p.name} signed:{' '}
                      <ul>
                        {s!.changes.map((c) => (
                          <li key={c}>
                            {describeChange(c, signedVersion(p.key), agreement)} <code className="muted">{c}</code>
                          </li>
                        ))}
                      </ul>
                    </>
                  ) : (
                    s!.reason
                  )}
                </div>
              )}
              {state === 'tampered' && (
                <p className="agr-changes small" data-testid="tampered-reason">
                  A signature event for this party does not verify ({s?.reason}). It is not counted.
                </p>
              )}
              {state !== 'tampered' && tampered(p.key) > 0 && (
                <p className="agr-changes small" data-testid="tampered-ignored">
                  ⚠ {tampered(p.key)} signature event(s) in {p.name}’s name do not verify: they are shown here and not counted.
                </p>
              )}
              <div className="agr-party-fields">
                <SharedInput label="Scope" multiline rows={2} value={p.scope} codec={SCOPE} testId="party-scope" onCommit={(v) => update(`Change the scope of ${p.name}`, { parties: agreement.parties.map((x, j) => (j === i ? { ...x, scope: v } : x)) })} />
                <SharedInput label="Time zone" value={p.timezone} codec={TIMEZONE} testId="party-timezone" onCommit={(v) => update(`Change the time zone of ${p.name}`, { parties: agreement.parties.map((x, j) => (j === i ? { ...x, timezone: v } : x)) })} />
              </div>
            </li>
          );
        })}
      </ul>
      {others.length > 0 && (
        <div className="row wrap">
          <label className="small">
            Add a member as a party
            <select value={adding} onChange={(e) => setAdding(e.target.value)} data-testid="add-party-select">
              <option value="">— choose —</option>
              {others.map((m) => (
                <option key={m.key} value={m.key}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="secondary"
            disabled={!adding}
            onClick={() => {
              const m = others.find((x) => x.key === adding);
              if (!m) return;
              setParties(`Add ${m.name} to “${agreement.title}” (shares made equal)`, [...agreement.parties, { key: m.key, name: m.name, timezone: 'UTC', scope: '' }]);
              setAdding('');
            }}
            data-testid="add-party"
          >
            Add party
          </button>
          <span className="small muted">Adding or removing a party makes the shares equal again.</span>
        </div>
      )}
    </section>
  );
}
