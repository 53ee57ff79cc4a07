// y-leveldb ships types that its package.json "exports" hides from TypeScript; this is the part we use.
declare module 'y-leveldb' {
  import type * as Y from 'yjs';
  export class LeveldbPersistence {
    constructor(location: string, opts?: { level?: unknown; levelOptions?: object });
    getYDoc(docName: string): Promise<Y.Doc>;
    /** The update's clock; null when the write failed (the queue catches the error). */
    storeUpdate(docName: string, update: Uint8Array): Promise<number | null>;
    /** Merges a document's updates into one; null when it failed (the queue catches the error). */
    flushDocument(docName: string): Promise<void | null>;
    clearDocument(docName: string): Promise<void>;
    getAllDocNames(): Promise<string[]>;
    destroy(): Promise<void>;
    /** Runs `f` in the instance's queue of operations; resolves null if `f` throws (it logs the error). */
    _transact<T>(f: (db: Level) => Promise<T>): Promise<T | null>;
  }
  /** The level instance the queue hands over, with y-leveldb's key and value encodings. */
  export interface Level {
    put(key: unknown, value: Uint8Array): Promise<void>;
    /** abstract-level's iterator over a range of y-leveldb's keys; `all()` reads it to the end and closes it. */
    iterator(range: { gte: unknown; lt: unknown; reverse?: boolean; limit?: number; values?: boolean }): { all(): Promise<[['v1', string, 'update', number], Uint8Array][]> };
  }
  /** getYDoc merges a document's updates into one when it has more than this many. */
  export const PREFERRED_TRIM_SIZE: number;
}
