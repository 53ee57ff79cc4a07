// y-leveldb ships types that its package.json "exports" hides from TypeScript; this is the part we use.
declare module 'y-leveldb' {
  import type * as Y from 'yjs';
  export class LeveldbPersistence {
    constructor(location: string, opts?: { level?: unknown; levelOptions?: object });
    getYDoc(docName: string): Promise<Y.Doc>;
    /** The update's clock; null when the write failed (the queue catches the error). */
    storeUpdate(docName: string, update: Uint8Array): Promise<number | null>;
    flushDocument(docName: string): Promise<void>;
    clearDocument(docName: string): Promise<void>;
    destroy(): Promise<void>;
    /** Runs `f` in the instance's queue of operations; resolves null if `f` throws (it logs the error). */
    _transact<T>(f: (db: unknown) => Promise<T>): Promise<T | null>;
  }
  /** A document's stored updates, in order. */
  export function getLevelUpdates(db: unknown, docName: string): Promise<Uint8Array[]>;
  /** getYDoc merges a document's updates into one when it has more than this many. */
  export const PREFERRED_TRIM_SIZE: number;
}
