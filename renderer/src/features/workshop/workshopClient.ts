import { useEffect, useState } from 'react';
import { splitRelayUrl } from '../../sync/relayConnection';

/** This page's part in a workshop, from the link the workshop host opened it with (`?workshop=`). */
export type WorkshopRole = 'facilitator' | 'participant';

export function workshopRole(search = location.search): WorkshopRole | null {
  const role = new URLSearchParams(search).get('workshop');
  return role === 'facilitator' || role === 'participant' ? role : null;
}

export interface VoteView {
  id: number;
  question: string;
  options: { id: string; label: string }[];
  open: boolean;
  tally: Record<string, number>;
  voters: number;
  mine: string | null;
}

/** What the host pushes (sync-server/workshop/workshopState.ts publicView, plus who you are). */
export interface WorkshopView {
  follow: { route: string; selection: { personId: string | null; projectId: string | null }; viewport: { x: number; y: number; k: number } | null; seq: number } | null;
  spotlight: { kind: 'person' | 'team' | 'cluster'; id: string; label: string } | null;
  timer: { label: string; startedAt: number; endsAt: number } | null;
  locked: boolean;
  vote: VoteView | null;
  accepted: { optionId: string; label: string; votes: number; at: number } | null;
  you: { id: string; name: string; role: WorkshopRole };
  /** The host's clock when it sent this, to show the timer right on a device whose clock is off. */
  now: number;
  participants?: { id: string; name: string; connected: boolean; removed: boolean }[];
  joinCode?: string;
}

export type WorkshopConnection =
  | { status: 'connecting' }
  | { status: 'live'; view: WorkshopView; skewMs: number }
  | { status: 'removed'; reason: string }
  | { status: 'lost'; view: WorkshopView | null; skewMs: number };

/** The room token the workshop host handed this page (inside its relay URL); never shown. */
export const tokenOf = (relayUrl: string | null) => (relayUrl ? splitRelayUrl(relayUrl).token : null);

/** A call to the host: a facilitator's control or a participant's ballot. Throws the host's message on refusal. */
export async function post(token: string, path: 'control' | 'vote', body: unknown): Promise<WorkshopView> {
  const res = await fetch(`/workshop/${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const answer = await res.json().catch(() => ({ error: `the host answered ${res.status}` }));
  if (!res.ok) throw new Error(answer.error ?? `the host answered ${res.status}`);
  return answer as WorkshopView;
}

/** The host's live view for this page (server-sent events; EventSource reconnects by itself). */
export function useWorkshopView(token: string | null): WorkshopConnection {
  const [conn, setConn] = useState<WorkshopConnection>({ status: 'connecting' });
  useEffect(() => {
    if (!token) return;
    const source = new EventSource(`/workshop/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (e) => {
      const view = JSON.parse(e.data) as WorkshopView;
      setConn({ status: 'live', view, skewMs: view.now - Date.now() });
    };
    source.addEventListener('removed', (e) => {
      source.close();
      setConn({ status: 'removed', reason: JSON.parse((e as MessageEvent).data).reason });
    });
    source.onerror = () => setConn((c) => (c.status === 'removed' ? c : { status: 'lost', view: c.status === 'live' || c.status === 'lost' ? c.view : null, skewMs: c.status === 'live' || c.status === 'lost' ? c.skewMs : 0 }));
    return () => source.close();
  }, [token]);
  return conn;
}

/** Seconds left on the host's clock, ticking. */
export function useSecondsLeft(endsAt: number | null, skewMs: number): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (endsAt === null) return;
    const t = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(t);
  }, [endsAt]);
  return endsAt === null ? null : Math.max(0, Math.ceil((endsAt - (now + skewMs)) / 1000));
}

export const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
