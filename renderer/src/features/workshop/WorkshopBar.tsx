import { useEffect, useRef } from 'react';
import { useApp } from '../../hooks/useSession';
import { FacilitatorPanel } from './FacilitatorPanel';
import { ParticipantBanner } from './ParticipantBanner';
import { GraphSpotlight } from './GraphSpotlight';
import { tokenOf, useWorkshopView, workshopRole } from './workshopClient';
import './workshop.css';

/** Shown only in a page the workshop host opened: the facilitator's panel, or a participant's banner. */
export function WorkshopBar() {
  const role = workshopRole();
  return role ? <WorkshopBarFor role={role} /> : null;
}

function WorkshopBarFor({ role }: { role: 'facilitator' | 'participant' }) {
  const app = useApp();
  // the workshop's token is this workspace's access token (features/access renews it before it expires)
  const token = app.access?.token ?? tokenOf(app.relayUrl);
  const conn = useWorkshopView(token);
  // the name typed on the join page becomes this device's display name (presence shows it)
  const named = useRef(false);
  useEffect(() => {
    const name = new URLSearchParams(location.search).get('name')?.trim().slice(0, 60);
    // once the session is open, so the name also reaches presence
    if (named.current || !name || !app.session) return;
    named.current = true;
    if (name !== app.user.name) app.setUser({ ...app.user, name });
  }, [app]);
  // the host makes a locked participant's access read-only; sync follows, so their edits wait here
  // instead of being refused, they keep receiving everyone else's, and unlock sends what waited
  const locked = role === 'participant' && (conn.status === 'live' || conn.status === 'lost') && conn.view?.locked === true;
  // (again on every view of the host: a connection the relay refused as read-only goes back to
  // read-write at the next view that says unlocked, even if a lock and unlock both fell between two)
  useEffect(() => {
    app.session?.setReadOnly(locked);
  }, [app.session, locked, conn]);
  // removed by the facilitator: the relay refuses this token for good, so sync stops asking (edits stay here)
  const removed = conn.status === 'removed';
  useEffect(() => {
    if (removed) app.session?.suspendSync();
    else app.session?.resumeSync();
  }, [app.session, removed]);
  if (!token)
    return (
      <section className="workshop-banner workshop-removed" role="alert">
        This workshop link has no access token: open the join link again.
      </section>
    );
  const spotlight = conn.status === 'live' || conn.status === 'lost' ? (conn.view?.spotlight ?? null) : null;
  return (
    <>
      {role === 'facilitator' ? <FacilitatorPanel conn={conn} token={token} /> : <ParticipantBanner conn={conn} token={token} />}
      <GraphSpotlight spotlight={spotlight} />
    </>
  );
}
