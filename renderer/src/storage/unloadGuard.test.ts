import { describe, expect, it } from 'vitest';
import { guardUnload } from './unloadGuard';
import { WriteTracker } from './writeTracker';

// Node's Event has a read-only returnValue; a browser's BeforeUnloadEvent lets the page set it
class BeforeUnload extends Event {
  constructor() {
    super('beforeunload', { cancelable: true });
    Object.defineProperty(this, 'returnValue', { value: undefined, writable: true });
  }
}
const unloadEvent = () => new BeforeUnload();

describe('unload guard', () => {
  it('holds the page only while a write is uncommitted, and commits the focused field first', () => {
    const target = new EventTarget();
    const writes = new WriteTracker();
    let tx: EventTarget | null = null;
    // the focused field's blur handler writes (as the person editor does)
    const commitFocused = () => {
      if (!tx) writes.track((tx = new EventTarget()));
    };
    const stop = guardUnload(target as unknown as Window, writes, commitFocused);

    const first = unloadEvent();
    target.dispatchEvent(first);
    expect(first.defaultPrevented).toBe(true); // the blur started a write: hold

    tx!.dispatchEvent(new Event('complete'));
    expect(writes.pending).toBe(0);
    const second = unloadEvent();
    target.dispatchEvent(second);
    expect(second.defaultPrevented).toBe(false); // committed: let it go

    writes.track(new EventTarget());
    stop();
    const third = unloadEvent();
    target.dispatchEvent(third);
    expect(third.defaultPrevented).toBe(false); // removed
  });

  it('an aborted write no longer holds the page, and does not count as saved', () => {
    const writes = new WriteTracker();
    const tx = new EventTarget();
    writes.track(tx);
    tx.dispatchEvent(new Event('abort'));
    expect(writes.pending).toBe(0);
    expect(writes.savedAt).toBeNull();
  });
});
