import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

/**
 * Reads a Yjs document through `read`, re-reading only after the document changes. Components get
 * plain immutable snapshots; they never hold Yjs types in state.
 */
export function useYSnapshot<T>(doc: Y.Doc | undefined, read: (doc: Y.Doc) => T, fallback: T): T {
  const store = useMemo(() => {
    let version = 0;
    let cached: { version: number; value: T } | undefined;
    return {
      subscribe(onChange: () => void) {
        if (!doc) return () => {};
        const handler = () => {
          version++;
          onChange();
        };
        doc.on('update', handler);
        return () => doc.off('update', handler);
      },
      get(): T {
        if (!doc) return fallback;
        if (!cached || cached.version !== version) cached = { version, value: read(doc) };
        return cached.value;
      },
    };
    // read and fallback are expected to be stable (module-level functions and constants)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc]);
  return useSyncExternalStore(store.subscribe, store.get);
}
