import { useCallback, useSyncExternalStore } from 'react';
import { useIdentity } from '../identity/useIdentity';
import { useTrustEvidence } from '../identity/useTrustEvidence';

/**
 * Which person in the network is "me" on this device, per workspace: trust advice is given from
 * their point of view. A choice made here is kept in localStorage (a device choice, not shared
 * data); without one, it is the person linked to this device's key (Members), if any.
 */
const key = (workspaceId: string) => `archipelago.viewer.${workspaceId}`;
const listeners = new Set<() => void>();

export function useViewer(workspaceId: string | undefined): [string | null, (personId: string | null) => void] {
  const subscribe = useCallback((cb: () => void) => {
    listeners.add(cb);
    return () => void listeners.delete(cb);
  }, []);
  const viewer = useSyncExternalStore(subscribe, () => (workspaceId ? localStorage.getItem(key(workspaceId)) : null));
  const setViewer = useCallback(
    (personId: string | null) => {
      if (!workspaceId) return;
      if (personId) localStorage.setItem(key(workspaceId), personId);
      else localStorage.removeItem(key(workspaceId));
      for (const l of listeners) l();
    },
    [workspaceId],
  );
  const { key: me } = useIdentity();
  const { links } = useTrustEvidence();
  const linked = me ? (links.personOfKey(me) ?? null) : null;
  return [viewer ?? linked, setViewer];
}
