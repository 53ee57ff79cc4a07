import { useEffect, useState } from 'react';
import { splitRelayUrl } from '../../sync/relayConnection';
import { isRemovalAnswer, useRemovedFromWorkshop, useWorkshopRemoval } from './removal';
import type { VoteTeam } from './proposedTeams';

/** This page's part in a workshop, from the link the workshop host opened it with (`?workshop=`). */
export type WorkshopRole = 'facilitator' | 'participant';

export function workshopRole(search = location.search): WorkshopRole | null {
  const role = new URLSearchParams(search).get('workshop');
  return role === 'facilitator' || role === 'participant' ? role : null;
}

export interface VoteView {
  id: number;
  question: string;
  options: { id: string; label: string; team?: VoteTeam }[];
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
  accepted: { optionId: string; label: string; votes: number; at: number; team?: VoteTeam } | null;
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

/** What the live view needs of an EventSource (the browser's, or a test's stand-in). */
export interface ViewStream {
  readonly readyState: number;
  onmessage: ((e: MessageEvent) => void) | null;
  onerror: ((e: Event) => void) | null;
  addEventListener(type: 'removed', listener: (e: MessageEvent) => void): void;
  close(): void;
}
const CLOSED = 2;

export interface WatchOptions {
  token: string;
  openStream(url: string): ViewStream;
  fetchImpl: typeof fetch;
  /** The host said this token's holder was removed: from the stream, or when asked why the stream was refused. */
  onRemoved(): void;
  update(next: (c: WorkshopConnection) => WorkshopConnection): void;
  now?: () => number;
}

const lost = (c: WorkshopConnection): WorkshopConnection => (c.status === 'removed' ? c : { status: 'lost', view: c.status === 'live' || c.status === 'lost' ? c.view : null, skewMs: c.status === 'live' || c.status === 'lost' ? c.skewMs : 0 });

/**
 * Follows the host's live view for one token (server-sent events; an EventSource reconnects by itself
 * after a dropped connection). A refused stream (HTTP 4xx: the EventSource gives up) is asked about
 * once: if the host says its holder was removed, that is final, and nothing is asked again. Returns
 * the function that stops it.
 */
export function watchWorkshopView(options: WatchOptions): () => void {
  const { token, update } = options;
  const now = options.now ?? Date.now;
  let live = true;
  const removed = () => {
    if (!live) return;
    live = false;
    source.close();
    update(() => ({ status: 'removed', reason: 'removed from the workshop by the facilitator' }));
    options.onRemoved();
  };
  const source = options.openStream(`/workshop/events?token=${encodeURIComponent(token)}`);
  source.onmessage = (e) => {
    if (!live) return;
    const view = JSON.parse(e.data) as WorkshopView;
    update(() => ({ status: 'live', view, skewMs: view.now - now() }));
  };
  source.addEventListener('removed', removed);
  source.onerror = () => {
    if (!live) return;
    update(lost);
    if (source.readyState !== CLOSED) return;
    options
      .fetchImpl('/workshop/state', { headers: { authorization: `Bearer ${token}` } })
      .then(async (res) => (isRemovalAnswer(res.status, await res.json().catch(() => null)) ? removed() : undefined))
      .catch(() => {});
  };
  return () => {
    live = false;
    source.close();
  };
}

/** The host's live view for this page; nothing is asked of the host for a token whose holder was removed. */
export function useWorkshopView(token: string | null): WorkshopConnection {
  const [conn, setConn] = useState<WorkshopConnection>({ status: 'connecting' });
  const removed = useRemovedFromWorkshop(token);
  useEffect(() => {
    if (!token || removed) return;
    return watchWorkshopView({
      token,
      openStream: (url) => new EventSource(url),
      fetchImpl: (...args) => fetch(...args),
      onRemoved: () => useWorkshopRemoval.getState().markRemoved(token),
      update: setConn,
    });
  }, [token, removed]);
  return removed ? { status: 'removed', reason: 'removed from the workshop by the facilitator' } : conn;
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
