import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

/** A cached read of a document, recomputed only after the document changed. */
class DocSnapshot<T> {
  private version = 0;
  private cached: { version: number; value: T } | undefined;

  constructor(
    private readonly doc: Y.Doc | undefined,
    private readonly read: (doc: Y.Doc) => T,
    private readonly fallback: T,
  ) {}

  subscribe = (onChange: () => void) => {
    const doc = this.doc;
    if (!doc) return () => {};
    const handler = () => {
      this.version++;
      onChange();
    };
    doc.on('update', handler);
    return () => doc.off('update', handler);
  };

  get = (): T => {
    if (!this.doc) return this.fallback;
    if (!this.cached || this.cached.version !== this.version) this.cached = { version: this.version, value: this.read(this.doc) };
    return this.cached.value;
  };
}

/**
 * Reads a Yjs document through `read`, re-reading only after the document changes. Components get
 * plain immutable snapshots; they never hold Yjs types in state. `read` and `fallback` should be
 * stable (module-level functions and constants).
 */
export function useYSnapshot<T>(doc: Y.Doc | undefined, read: (doc: Y.Doc) => T, fallback: T): T {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const store = useMemo(() => new DocSnapshot(doc, read, fallback), [doc]);
  return useSyncExternalStore(store.subscribe, store.get);
}
