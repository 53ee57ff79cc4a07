import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { UndoMeta } from '../session/undo';
import type { WorkspaceSession, PeerPresence } from '../session/workspaceSession';
import type { ArchipelagoDb } from '../storage/db';
import type { UserSettings } from '../storage/settings';
import { OFFLINE_STATE, type SyncState } from '../sync/relayConnection';
import type { WorkspaceAccess } from '../sync/workspaceAccess';

export interface AppServices {
  db: ArchipelagoDb;
  session: WorkspaceSession | null;
  user: UserSettings;
  /** The first of this device's relays (the Workspaces screen's setting), or null: none. */
  relayUrl: string | null;
  /** This device's relays, in the order they are tried (empty: stay on this device). */
  deviceRelays: string[];
  /** The relays the open workspace syncs with, in order, each with its token: never show these. */
  relayUrls: string[];
  /** The open workspace's own relays and token, stored on this device; null: it uses the device's relay. */
  access: WorkspaceAccess | null;
  openWorkspace(id: string): Promise<void>;
  setUser(user: UserSettings): Promise<void>;
  /** Saves this device's relays (empty: stay on this device); throws a clear error for a bad list, saving nothing. */
  setDeviceRelays(urls: string[]): Promise<void>;
  /** Stores the open workspace's relays and token (null forgets them) and reconnects with them. */
  setAccess(access: WorkspaceAccess | null): Promise<void>;
}

export const AppContext = createContext<AppServices | null>(null);

export function useApp(): AppServices {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp outside AppContext');
  return app;
}


export function useSyncState(session: WorkspaceSession | null): SyncState {
  return useSyncExternalStore(session?.subscribeSync ?? noopSubscribe, session?.getSyncState ?? (() => OFFLINE_STATE));
}

export function usePeers(session: WorkspaceSession | null): PeerPresence[] {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!session) return () => {};
      session.awareness.on('change', onChange);
      return () => session.awareness.off('change', onChange);
    },
    [session],
  );
  const key = useSyncExternalStore(subscribe, () => (session ? JSON.stringify(session.peers()) : '[]'));
  return JSON.parse(key) as PeerPresence[];
}

export function useUndoState(session: WorkspaceSession | null): { canUndo: boolean; canRedo: boolean } {
  const key = useSyncExternalStore(session?.undo.subscribe ?? noopSubscribe, () => (session ? `${session.undo.canUndo}|${session.undo.canRedo}` : 'false|false'));
  const [u, r] = key.split('|');
  return { canUndo: u === 'true', canRedo: r === 'true' };
}

const noopSubscribe = () => () => {};

/** Runs a change as one described undo step of the open session (see MultiDocUndo.act). */
export function useAct(): <T>(meta: UndoMeta, fn: () => T, options?: { merge?: boolean }) => T {
  const { session } = useApp();
  return useCallback(<T,>(meta: UndoMeta, fn: () => T, options?: { merge?: boolean }): T => (session ? session.undo.act(meta, fn, options) : fn()), [session]);
}
