import * as Y from 'yjs';

/**
 * Undo and redo across several documents: one Y.UndoManager per document (they cannot span docs),
 * and one shared order of which document each step belongs to. Only changes made through this app
 * (the LOCAL origin) are tracked: a peer's edits are never undone.
 */
export class MultiDocUndo {
  private readonly managers = new Map<string, Y.UndoManager>();
  private undoOrder: string[] = [];
  private redoOrder: string[] = [];
  private replaying = false;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly origin: unknown) {}

  /**
   * `captureTimeout`: changes closer together than this merge into one undo step. 0 for documents
   * edited by discrete actions (each is its own step); a few hundred ms where people type text.
   */
  track(key: string, scope: ConstructorParameters<typeof Y.UndoManager>[0], captureTimeout = 0): void {
    if (this.managers.has(key)) return;
    const manager = new Y.UndoManager(scope, { trackedOrigins: new Set([this.origin]), captureTimeout });
    manager.on('stack-item-added', (event: { type: 'undo' | 'redo' }) => {
      if (event.type === 'undo' && !this.replaying) {
        this.undoOrder.push(key);
        this.redoOrder = [];
      }
      this.emit();
    });
    manager.on('stack-item-popped', () => this.emit());
    this.managers.set(key, manager);
  }

  untrack(key: string): void {
    this.managers.get(key)?.destroy();
    this.managers.delete(key);
    this.undoOrder = this.undoOrder.filter((k) => k !== key);
    this.redoOrder = this.redoOrder.filter((k) => k !== key);
    this.emit();
  }

  get canUndo(): boolean {
    return this.undoOrder.length > 0;
  }

  get canRedo(): boolean {
    return this.redoOrder.length > 0;
  }

  undo(): boolean {
    return this.replay(this.undoOrder, this.redoOrder, (m) => m.undoStack.length > 0 && (m.undo(), true));
  }

  redo(): boolean {
    return this.replay(this.redoOrder, this.undoOrder, (m) => m.redoStack.length > 0 && (m.redo(), true));
  }

  /** Pops document keys from `from` until one's manager can act; moves that key to `to`. */
  private replay(from: string[], to: string[], act: (m: Y.UndoManager) => boolean): boolean {
    while (from.length) {
      const key = from.pop()!;
      const manager = this.managers.get(key);
      if (!manager) continue;
      this.replaying = true;
      let acted: boolean;
      try {
        acted = act(manager);
      } finally {
        this.replaying = false;
      }
      if (acted) {
        to.push(key);
        this.emit();
        return true;
      }
    }
    this.emit();
    return false;
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  destroy(): void {
    for (const m of this.managers.values()) m.destroy();
    this.managers.clear();
    this.listeners.clear();
  }

  private emit() {
    for (const l of this.listeners) l();
  }
}
