import { useCallback, useSyncExternalStore } from 'react';

/**
 * Which person in the network is "me" on this device, per workspace: trust advice is given from
 * their point of view. Kept in localStorage (a device choice, not shared data) until signed
 * identities link members to people.
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
  return [viewer, setViewer];
}
