import { useEffect, useState, type FormEvent } from 'react';
import type { DesktopWorkshopApi, DesktopWorkshopStatus, LanInterface } from '../../../../shared/platformApi';
import { platform } from '../../platform';
import { defaultInterface, interfaceLabel, parsePort } from './hostWorkshopForm';
import './hostWorkshop.css';

/**
 * "Host a workshop" (desktop app only: shown when the desktop bridge offers it). The Electron main
 * process runs the workshop host (the web app and the relay on one port) on the interface and port
 * chosen here; this panel shows the link, the join code and its QR code, and stops it.
 */
export function HostWorkshopPanel({ api = platform.workshop }: { api?: DesktopWorkshopApi }) {
  if (!api) return null;
  return <HostWorkshop api={api} />;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message.replace(/^Error invoking remote method '[^']+': (Error: )?/, '') : String(e));

function HostWorkshop({ api }: { api: DesktopWorkshopApi }) {
  const [interfaces, setInterfaces] = useState<LanInterface[]>([]);
  const [address, setAddress] = useState('');
  const [port, setPort] = useState('8080');
  const [status, setStatus] = useState<DesktopWorkshopStatus>({ running: false });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([api.interfaces(), api.status()]).then(
      ([list, s]) => {
        if (!live) return;
        setInterfaces(list);
        setAddress((a) => a || defaultInterface(list));
        setStatus(s);
      },
      (e) => live && setError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [api]);

  // while hosting, keep the participant count (and a renewed code) current
  useEffect(() => {
    if (!status.running) return;
    const timer = setInterval(() => {
      api.status().then(setStatus, () => {});
    }, 3000);
    return () => clearInterval(timer);
  }, [api, status.running]);

  const start = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const p = parsePort(port);
    if (!p.ok) return setError(p.error);
    if (!address) return setError('Choose the network interface participants will reach.');
    setBusy(true);
    try {
      setStatus(await api.start({ address, port: p.port }));
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  const stop = async () => {
    setError(null);
    setBusy(true);
    try {
      setStatus(await api.stop());
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="host-workshop-title" data-testid="host-workshop">
      <h2 id="host-workshop-title">Host a workshop</h2>
      <p className="muted small">This computer serves the app and is the relay. Participants on the same network open the link or scan the code, type their name and join the workshop's workspace.</p>
      {!status.running ? (
        <form className="host-workshop-form" onSubmit={start}>
          <label>
            Network interface
            <select value={address} onChange={(e) => setAddress(e.target.value)} data-testid="host-workshop-interface">
              {interfaces.map((i) => (
                <option key={`${i.name}/${i.address}`} value={i.address}>
                  {interfaceLabel(i)}
                </option>
              ))}
            </select>
          </label>
          <label>
            Port
            <input className="host-workshop-port" inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value)} data-testid="host-workshop-port" />
          </label>
          <button type="submit" disabled={busy} data-testid="host-workshop-start">
            {busy ? 'Starting…' : 'Start hosting'}
          </button>
        </form>
      ) : (
        <div className="host-workshop-live" data-testid="host-workshop-live">
          <img className="host-workshop-qr" src={status.qrDataUrl} alt={`QR code of the join link ${status.joinUrl}`} data-testid="host-workshop-qr" />
          <div>
            <dl>
              <dt>Join code</dt>
              <dd className="host-workshop-code" data-testid="host-workshop-code">
                {status.joinCode}
              </dd>
              <dt>Link</dt>
              <dd>
                <code data-testid="host-workshop-url">{status.joinUrl}</code>
              </dd>
              <dt>On</dt>
              <dd>
                <code>{status.url}</code>
              </dd>
              <dt>Joined</dt>
              <dd data-testid="host-workshop-participants">{status.participants === 1 ? '1 participant' : `${status.participants} participants`}</dd>
              <dt>Facilitator</dt>
              <dd>
                <details>
                  <summary>Your private link (open it in a browser for the controls)</summary>
                  <code data-testid="host-workshop-facilitator">{status.facilitatorUrl}</code>
                </details>
              </dd>
            </dl>
            <p>
              <button type="button" className="secondary" disabled={busy} onClick={stop} data-testid="host-workshop-stop">
                {busy ? 'Stopping…' : 'Stop hosting'}
              </button>
            </p>
          </div>
        </div>
      )}
      {error && (
        <p className="host-workshop-error" role="alert" data-testid="host-workshop-error">
          {error}
        </p>
      )}
    </section>
  );
}
