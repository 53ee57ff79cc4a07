import { useState } from 'react';
import type { Agreement } from '../../../../shared/agreements/agreement';
import type { Update } from './useUpdate';

const pct = (x: number) => String(Math.round(x * 10000) / 100);

/** The payment split in percent; saved only when the shares add up to 100%. */
export function SplitEditor({ agreement, update }: { agreement: Agreement; update: Update }) {
  const [draft, setDraft] = useState<Record<string, string> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const values = draft ?? Object.fromEntries(agreement.parties.map((p) => [p.key, pct(agreement.paymentSplit[p.key] ?? 0)]));
  const total = agreement.parties.reduce((s, p) => s + (Number(values[p.key]) || 0), 0);
  const save = () => {
    const shares: Record<string, number> = {};
    for (const p of agreement.parties) {
      const v = Number(values[p.key]);
      if (!Number.isFinite(v) || v < 0 || v > 100) return setError(`The share of ${p.name} is a number from 0 to 100.`);
      shares[p.key] = v / 100;
    }
    if (Math.abs(total - 100) > 1e-6) return setError(`The shares add up to ${Math.round(total * 100) / 100}%, not 100%.`);
    // keep the sum exactly 1 despite decimal rounding: the last party takes the remainder
    const keys = agreement.parties.map((p) => p.key);
    shares[keys.at(-1)!] = 1 - keys.slice(0, -1).reduce((s, k) => s + shares[k], 0);
    try {
      update(`Change the payment split of “${agreement.title}”`, { paymentSplit: shares });
      setDraft(null);
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <section className="agr-section" aria-labelledby={`split-${agreement.id}`}>
      <h5 id={`split-${agreement.id}`}>Payment split</h5>
      <div className="agr-inline">
        {agreement.parties.map((p) => (
          <label key={p.key}>
            {p.name} (%)
            <input inputMode="decimal" size={6} value={values[p.key] ?? ''} onChange={(e) => setDraft({ ...values, [p.key]: e.target.value })} data-testid="split-share" />
          </label>
        ))}
        <span className={`small ${Math.abs(total - 100) > 1e-6 ? 'field-error' : 'muted'}`}>total {Math.round(total * 100) / 100}%</span>
        {draft && (
          <>
            <button type="button" className="secondary" onClick={save} data-testid="save-split">
              Save split
            </button>
            <button type="button" className="link" onClick={() => (setDraft(null), setError(null))}>
              Cancel
            </button>
          </>
        )}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
