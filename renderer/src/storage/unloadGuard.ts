import type { WriteTracker } from './writeTracker';

/**
 * Holds the page while a local write has not yet committed: the browser aborts uncommitted IndexedDB
 * transactions on unload, which would silently lose the last edit. In a browser this shows the
 * standard "Leave site?" prompt; in Electron the main process retries the close a moment later
 * (see `electron/main.ts`, `will-prevent-unload`), by which time the write has landed.
 */
export function guardUnload(target: Pick<Window, 'addEventListener' | 'removeEventListener'>, writes: WriteTracker, commitFocused: () => void = blurActiveElement): () => void {
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    // fields commit on blur: commit the one being typed in, so closing mid-edit keeps it
    commitFocused();
    if (writes.pending === 0) return;
    event.preventDefault();
    event.returnValue = ''; // older Chromium needs this as well as preventDefault
  };
  target.addEventListener('beforeunload', onBeforeUnload);
  return () => target.removeEventListener('beforeunload', onBeforeUnload);
}

function blurActiveElement(): void {
  if (typeof document === 'undefined') return;
  const el = document.activeElement;
  if (el instanceof HTMLElement && el !== document.body) el.blur();
}
