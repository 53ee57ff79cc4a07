import { lazy, Suspense, useEffect, useState } from 'react';

import './palette.css';

// fuse.js and the palette load on first use, outside the initial bundle
const CommandPalette = lazy(() => import('./CommandPalette'));

/** The top bar's search button, and Ctrl/Cmd+K anywhere (even in a field) to open or close the palette. */
export function PaletteHost({ undo, redo }: { undo(): void; redo(): void }) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setOpen((o) => !o);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <button type="button" className="secondary palette-open" onClick={() => setOpen(true)} data-testid="palette-button" title="Search and commands (Ctrl/Cmd+K)">
        Search… <kbd>Ctrl K</kbd>
      </button>
      {open && (
        <Suspense fallback={null}>
          <CommandPalette onClose={() => setOpen(false)} undo={undo} redo={redo} />
        </Suspense>
      )}
    </>
  );
}
