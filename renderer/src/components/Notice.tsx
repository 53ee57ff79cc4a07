import { useEffect } from 'react';
import { useUi } from '../state/uiStore';

export function Notice({ onUndo, onRedo }: { onUndo?: () => void; onRedo?: () => void }) {
  const notice = useUi((s) => s.notice);
  const clear = useUi((s) => s.clearNotice);
  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(clear, notice.kind === 'error' ? 9000 : 5000);
    return () => clearTimeout(t);
  }, [notice, clear]);
  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
      <span>{notice.text}</span>
      {notice.action === 'undo' && onUndo && (
        <button type="button" onClick={onUndo} data-testid="notice-undo">
          Undo
        </button>
      )}
      {notice.action === 'redo' && onRedo && (
        <button type="button" onClick={onRedo} data-testid="notice-redo">
          Redo
        </button>
      )}
      <button type="button" className="ghost" aria-label="Dismiss" onClick={clear}>
        ×
      </button>
    </div>
  );
}
