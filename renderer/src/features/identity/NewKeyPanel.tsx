import { useState } from 'react';
import type { SignedEvent } from '../../../../shared/identity/signedEvent';
import { appendSignedEvent } from '../../../../shared/model/docs/ledgerDoc';
import { useApp } from '../../hooks/useSession';
import { LOCAL } from '../../session/rooms';
import { useUi } from '../../state/uiStore';
import { rotateAppKey } from './keyStore';
import { fingerprint } from './useTrustEvidence';

/**
 * "Create a new key" on this device: the key store makes a new key pair, the old key signs the
 * rotation, the device switches to the new key, and the rotation goes into the ledger. What the old
 * key signed before stays valid as history (shared/identity/keyRotation.ts).
 */
export function NewKeyPanel({ me }: { me: string | null }) {
  const { session } = useApp();
  const notify = useUi((s) => s.notify);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // a rotation the key store made (the device already signs with the new key) but the ledger did not
  // take yet: kept here so it can be recorded again, since the old key that signed it is gone
  const [unrecorded, setUnrecorded] = useState<SignedEvent<'key-rotation'>[] | null>(null);

  const record = (events: SignedEvent<'key-rotation'>[]) => {
    if (!session) throw new Error('open a workspace first');
    session.ledger.doc.transact(() => {
      for (const e of events) appendSignedEvent(session.ledger.doc, e, LOCAL);
    }, LOCAL);
    setUnrecorded(null);
    setAsking(false);
    notify(`Your new key is ${fingerprint(events[0].body.newKey)}; your old key signed the move${events.length > 1 ? ' and the new key accepted it' : ', and it waits for the new key to accept it (Key rotation below)'}`);
  };

  const create = async () => {
    if (!session) return setError('Open a workspace first: the rotation is recorded in its ledger.');
    setBusy(true);
    setError(null);
    let events: SignedEvent<'key-rotation'>[];
    try {
      events = await rotateAppKey({ at: new Date().toISOString(), reason: 'a new key made on this device' });
    } catch (e) {
      setError(`No new key was made: ${(e as Error).message}`);
      setBusy(false);
      return;
    }
    try {
      record(events);
    } catch (e) {
      setUnrecorded(events);
      setError(`This device now signs with the new key ${fingerprint(events[0].body.newKey)}, but the rotation could not be written to the ledger: ${(e as Error).message}. Record it again before closing the app.`);
    } finally {
      setBusy(false);
    }
  };

  const recordAgain = () => {
    if (!unrecorded) return;
    try {
      setError(null);
      record(unrecorded);
    } catch (e) {
      setError(`The rotation still could not be written to the ledger: ${(e as Error).message}`);
    }
  };

  return (
    <section className="panel" data-testid="new-key" aria-labelledby="new-key-title">
      <h2 id="new-key-title">Your key on this device</h2>
      <p>
        Signing as <code data-testid="my-key" data-key={me ?? ''}>{me ? fingerprint(me) : '…'}</code>
      </p>
      <p className="muted small">Make a new key if this device's key may have been exposed, or to retire it. Your current key signs the move to the new one, and everything it signed before stays valid as history.</p>
      {!asking ? (
        <button type="button" className="secondary" disabled={!me || !session} onClick={() => setAsking(true)} data-testid="new-key-start">
          Create a new key
        </button>
      ) : (
        <div className="row wrap">
          <span>Make a new key and sign the move with your current key?</span>
          <button type="button" disabled={busy} onClick={() => void create()} data-testid="new-key-confirm">
            {busy ? 'Making the key…' : 'Create and switch'}
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={() => setAsking(false)}>
            Cancel
          </button>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert" data-testid="new-key-error">
          {error}
        </p>
      )}
      {unrecorded && (
        <button type="button" onClick={recordAgain} data-testid="new-key-record-again">
          Record the rotation again
        </button>
      )}
    </section>
  );
}
