import type { DBCore, Middleware } from 'dexie';

/**
 * Counts IndexedDB write transactions that have started but not yet committed.
 *
 * y-dexie stores each Yjs update in its own write transaction the moment the update happens, but the
 * commit lands a few milliseconds later (much later on a busy or throttled machine). A browser aborts
 * uncommitted transactions when the page unloads, so a reload or a closed window in that gap loses the
 * edit. The app therefore shows "Saving…" while this count is above zero and holds the page (the
 * `beforeunload` guard in `unloadGuard.ts`) until it is zero again.
 */
export class WriteTracker {
  /** Tables whose writes are caches (losing one loses nothing): not counted as unsaved. */
  constructor(private readonly untracked: readonly string[] = []) {}

  private inFlight = 0;
  private lastSavedAt: number | null = null;
  private readonly listeners = new Set<() => void>();
  private idle: (() => void)[] = [];

  /** The Dexie DBCore middleware; install it with `db.use(tracker.middleware)` before the first write. */
  readonly middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'archipelago-write-tracker',
    create: (down) => ({
      ...down,
      transaction: (stores, mode, options) => {
        const tx = down.transaction(stores, mode, options);
        if (mode === 'readwrite' && !stores.every((s) => this.untracked.includes(s))) this.track(tx as unknown as EventTarget);
        return tx;
      },
    }),
  };

  /** Follows one native write transaction until it commits, aborts or fails. */
  track(tx: EventTarget): void {
    this.inFlight++;
    this.emit();
    let done = false;
    const finish = (committed: boolean) => {
      if (done) return;
      done = true;
      this.inFlight--;
      if (committed) this.lastSavedAt = Date.now();
      if (this.inFlight === 0) for (const resolve of this.idle.splice(0)) resolve();
      this.emit();
    };
    // a failed request that is handled does not end the transaction; an unhandled one aborts it
    tx.addEventListener('complete', () => finish(true));
    tx.addEventListener('abort', () => finish(false));
  }

  get pending(): number {
    return this.inFlight;
  }

  get savedAt(): number | null {
    return this.lastSavedAt;
  }

  /** Resolves once no write is in flight. */
  whenIdle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
