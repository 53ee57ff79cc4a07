import { useState, type FormEvent } from 'react';
import { useApp } from '../../hooks/useSession';
import { REMOVED_MESSAGE } from './removal';

/**
 * What a removed participant sees, once and for good (nothing is asked of the host again with the
 * removed token): that the facilitator removed them, that their edits stay on this device, and a way
 * back in with the current join code (a new place in the workshop; their unsent edits go with it).
 */
export function RemovedNotice() {
  const { user } = useApp();
  const [code, setCode] = useState('');
  const [name, setName] = useState(user.name);
  const [problem, setProblem] = useState<string | null>(null);
  const rejoin = (e: FormEvent) => {
    e.preventDefault();
    const typed = code.trim();
    if (!typed) return setProblem('Type the join code shown on the facilitator’s screen.');
    if (!name.trim()) return setProblem('Type your name, so others know who is who.');
    location.assign(`/join/${encodeURIComponent(typed)}?name=${encodeURIComponent(name.trim())}`);
  };
  return (
    <section className="workshop-banner workshop-removed" role="alert" data-testid="workshop-removed">
      <p>
        <strong>{REMOVED_MESSAGE}</strong> Your edits stay on this device.
      </p>
      <form className="workshop-inline" onSubmit={rejoin} aria-label="Rejoin the workshop" data-testid="workshop-rejoin">
        <label>
          Join code <input value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" maxLength={12} className="workshop-code-input" data-testid="workshop-rejoin-code" />
        </label>
        <label>
          Your name <input value={name} onChange={(e) => setName(e.target.value)} maxLength={60} data-testid="workshop-rejoin-name" />
        </label>
        <button type="submit" data-testid="workshop-rejoin-submit">
          Rejoin with this code
        </button>
      </form>
      {problem && <p className="workshop-error">{problem}</p>}
    </section>
  );
}
