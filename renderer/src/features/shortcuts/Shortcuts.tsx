import { useEffect, useRef, useState } from 'react';
import { useUi } from '../../state/uiStore';
import { interpretKey, isTyping, SHORTCUTS } from './keymap';
import './shortcuts.css';

/** Opens the shortcuts overlay from elsewhere (the palette). */
export const SHOW_SHORTCUTS_EVENT = 'archipelago:show-shortcuts';

/** Single-key shortcuts (`?`, `g p`, `n`…), never while typing in a field, and the help overlay that lists them. */
export function Shortcuts() {
  const [open, setOpen] = useState(false);
  const pendingG = useRef(0);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target)) return;
      if (e.key === 'Escape') return setOpen(false);
      const ui = useUi.getState();
      const action = interpretKey(e.key, { pendingG: Date.now() - pendingG.current < 1200, view: ui.view, modifiers: e.ctrlKey || e.metaKey || e.altKey });
      pendingG.current = 0;
      if (!action) return;
      if (document.querySelector('[aria-modal=true]') && action.type !== 'help') return;
      e.preventDefault();
      if (action.type === 'pending-g') pendingG.current = Date.now();
      else if (action.type === 'help') setOpen((o) => !o);
      else if (action.type === 'go') ui.go(action.view);
      else if (action.type === 'new-person') ui.startNewPerson();
    };
    const onShow = () => setOpen(true);
    window.addEventListener('keydown', onKey);
    window.addEventListener(SHOW_SHORTCUTS_EVENT, onShow);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener(SHOW_SHORTCUTS_EVENT, onShow);
    };
  }, []);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const before = document.activeElement as HTMLElement | null;
    close.current?.focus();
    return () => before?.focus?.();
  }, [open]);
  if (!open) return null;
  return (
    <div className="shortcuts-backdrop" onMouseDown={(e) => e.target === e.currentTarget && setOpen(false)}>
      <div className="shortcuts" role="dialog" aria-modal="true" aria-labelledby="shortcuts-h" data-testid="shortcuts" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
        <div className="shortcuts-head">
          <h2 id="shortcuts-h">Keyboard shortcuts</h2>
          <button ref={close} type="button" className="secondary" onClick={() => setOpen(false)} aria-label="Close shortcuts">
            Close
          </button>
        </div>
        <table>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.what}>
                <th scope="row">
                  {s.keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 && (s.keys[0] === 'g' ? ' then ' : ' + ')}
                      <kbd>{k}</kbd>
                    </span>
                  ))}
                </th>
                <td>{s.what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted small">Single keys do nothing while you type in a field.</p>
      </div>
    </div>
  );
}
