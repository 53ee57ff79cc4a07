import { useEffect } from 'react';
import { useUi } from '../state/uiStore';

export function Notice({ onUndo }: { onUndo?: () => void }) {
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
      {onUndo && notice.kind === 'info' && /deleted/i.test(notice.text) && (
        <button type="button" onClick={() => (onUndo(), clear())}>
          Undo
        </button>
      )}
      <button type="button" className="ghost" aria-label="Dismiss" onClick={clear}>
        ×
      </button>
    </div>
  );
}
