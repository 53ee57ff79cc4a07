import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A native modal <dialog>: opened on mount (focus moves into it, the page behind is inert), closed on
 * unmount; Escape calls `onCancel` instead of closing it behind React's back.
 */
export function ModalDialog({ title, titleId, testId, onCancel, children }: { title: ReactNode; titleId: string; testId: string; onCancel(): void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="import-dialog panel"
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}
