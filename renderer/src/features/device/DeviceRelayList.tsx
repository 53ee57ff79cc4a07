import type { KeyboardEvent } from 'react';
import type { DeviceRelayDraft } from './useDeviceRelayDraft';
import './deviceRelays.css';

/**
 * This device's relays, in the order they are tried: add, remove, move up or put first. Saved with
 * the form it sits in. No relay: everything stays on this device.
 */
export function DeviceRelayList({ draft }: { draft: DeviceRelayDraft }) {
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    draft.add();
  };
  return (
    <fieldset className="device-relays" data-testid="device-relays">
      <legend>Relays, tried in order (when one cannot be reached, the next is used; they must share one Redis)</legend>
      {draft.relays.length === 0 ? (
        <p className="muted small" data-testid="device-relays-none">
          No relay: everything stays on this device.
        </p>
      ) : (
        <ol>
          {draft.relays.map((url, i) => (
            <li key={url} data-testid="device-relay" data-url={url}>
              <code>{url}</code>
              {i === 0 ? (
                <span className="muted small">tried first</span>
              ) : (
                <>
                  <button type="button" className="secondary" onClick={() => draft.putFirst(i)} aria-label={`Use ${url} first`} data-testid="device-relay-first">
                    Use first
                  </button>
                  <button type="button" className="secondary" onClick={() => draft.moveUp(i)} aria-label={`Move ${url} up`} data-testid="device-relay-up">
                    ↑
                  </button>
                </>
              )}
              <button type="button" className="secondary" onClick={() => draft.remove(i)} aria-label={`Remove ${url}`} data-testid="device-relay-remove">
                Remove
              </button>
            </li>
          ))}
        </ol>
      )}
      <div className="row">
        <label className="device-relay-add">
          Add a relay
          <input value={draft.typed} onChange={(e) => draft.setTyped(e.target.value)} onKeyDown={onKey} placeholder="ws://127.0.0.1:4455" aria-invalid={draft.problem ? true : undefined} data-testid="device-relay-new" />
        </label>
        <button type="button" className="secondary" onClick={draft.add} data-testid="device-relay-add">
          Add
        </button>
      </div>
      {draft.problem && (
        <p className="field-error" role="alert" data-testid="device-relays-problem">
          {draft.problem}
        </p>
      )}
    </fieldset>
  );
}
