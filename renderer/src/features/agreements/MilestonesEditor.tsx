import { useState, type FormEvent } from 'react';
import type { Agreement } from '../../../../shared/agreements/agreement';
import { formatMinor, minorDigits, newEventId, parseMajor } from '../value/useValue';
import type { Update } from './useUpdate';

/** Milestones with amounts (integer minor units) and due dates. */
export function MilestonesEditor({ agreement, update }: { agreement: Agreement; update: Update }) {
  const [title, setTitle] = useState('');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState(agreement.milestones.at(-1)?.currency ?? 'EUR');
  const [due, setDue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = (e: FormEvent) => {
    e.preventDefault();
    const cur = currency.trim().toUpperCase();
    if (!title.trim()) return setError('Give the milestone a title.');
    if (!/^[A-Z]{3}$/.test(cur)) return setError('A currency is a three-letter code, like EUR.');
    const minor = parseMajor(amount, cur);
    if (minor === undefined) return setError(`The amount is a positive number with at most ${minorDigits(cur)} decimals.`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(due)) return setError('Pick a due date.');
    try {
      update(`Add the milestone “${title.trim()}”`, { milestones: [...agreement.milestones, { id: newEventId('ms'), title: title.trim(), amount: minor, currency: cur, due }] });
      setTitle('');
      setAmount('');
      setDue('');
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <section className="agr-section" aria-labelledby={`ms-${agreement.id}`}>
      <h5 id={`ms-${agreement.id}`}>Milestones</h5>
      {agreement.milestones.length === 0 ? (
        <p className="small muted">No milestones yet.</p>
      ) : (
        <table className="agr-table">
          <thead>
            <tr>
              <th>Milestone</th>
              <th>Amount</th>
              <th>Due</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {agreement.milestones.map((m) => (
              <tr key={m.id} data-testid="agreement-milestone">
                <td>{m.title}</td>
                <td className="num">{formatMinor(m.amount, m.currency)}</td>
                <td>{m.due}</td>
                <td>
                  <button type="button" className="ghost danger small-btn" aria-label={`Remove ${m.title}`} onClick={() => update(`Remove the milestone “${m.title}”`, { milestones: agreement.milestones.filter((x) => x.id !== m.id) })}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="agr-inline" onSubmit={add} data-testid="agreement-new-milestone">
        <label>
          Title
          <input value={title} onChange={(e) => setTitle(e.target.value)} data-testid="agr-ms-title" />
        </label>
        <label>
          Amount
          <input value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" placeholder="1500.00" data-testid="agr-ms-amount" />
        </label>
        <label>
          Currency
          <input value={currency} onChange={(e) => setCurrency(e.target.value)} maxLength={3} size={4} data-testid="agr-ms-currency" />
        </label>
        <label>
          Due
          <input type="date" value={due} onChange={(e) => setDue(e.target.value)} data-testid="agr-ms-due" />
        </label>
        <button type="submit" className="secondary" data-testid="agr-ms-add">
          Add milestone
        </button>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
