import type { PeerPresence } from '../session/workspaceSession';
import { inkFor } from './inkFor';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');

/** Who else is in this workspace right now, in their colours (from awareness). */
export function Presence({ peers, me }: { peers: PeerPresence[]; me: { name: string; color: string } }) {
  return (
    <div className="presence" data-testid="presence" aria-label="People here now">
      <span className="avatar me" style={{ background: me.color, color: inkFor(me.color) }} title={`${me.name} (you)`}>
        {initials(me.name)}
      </span>
      {peers.map((p) => (
        <span key={p.clientId} className="avatar" style={{ background: p.color, color: inkFor(p.color) }} title={`${p.name}${p.view ? ` · ${p.view}` : ''}`} data-testid="peer" data-name={p.name}>
          {initials(p.name)}
        </span>
      ))}
      {peers.length > 0 && <span className="presence-count">{peers.length} here</span>}
    </div>
  );
}
