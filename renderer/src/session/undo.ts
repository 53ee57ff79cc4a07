import * as Y from 'yjs';

/** Where a change was made, so undoing it can show the place. */
export interface UndoPlace {
  view: string;
  personId?: string;
  projectId?: string;
}

/** What one undo step did, in words ("Add Ana Sousa"), and where. */
export interface UndoMeta {
  label: string;
  place?: UndoPlace;
}

export interface UndoStep extends UndoMeta {
  /** The documents this step changed, in the order they changed. */
  keys: string[];
}

/**
 * Undo and redo across several documents: one Y.UndoManager per document (they cannot span docs),
 * and one shared list of steps. A step may span documents (creating a project writes the project's
 * document and the workspace's list), and it carries a description and a place, so the app can say
 * what was undone and show where. Only changes made through this app (the LOCAL origin) are tracked:
 * a peer's edits are never undone.
 *
 * Actions describe themselves with `act(meta, fn)`; a change made outside `act` gets a generic
 * description from its document (`describeKey`).
 */
export class MultiDocUndo {
  private readonly managers = new Map<string, Y.UndoManager>();
  private undoSteps: UndoStep[] = [];
  private redoSteps: UndoStep[] = [];
  private replaying = false;
  private acting: UndoStep | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly origin: unknown,
    private readonly describeKey: (key: string) => UndoMeta = () => ({ label: 'Change' }),
  ) {}

  /**
   * `captureTimeout`: changes closer together than this merge into one undo step. 0 for documents
   * edited by discrete actions (each is its own step); a few hundred ms where people type text.
   */
  track(key: string, scope: ConstructorParameters<typeof Y.UndoManager>[0], captureTimeout = 0): void {
    if (this.managers.has(key)) return;
    const manager = new Y.UndoManager(scope, { trackedOrigins: new Set([this.origin]), captureTimeout });
    manager.on('stack-item-added', (event: { type: 'undo' | 'redo' }) => {
      if (event.type === 'undo' && !this.replaying) {
        if (this.acting) {
          if (!this.acting.keys.includes(key)) this.acting.keys.push(key);
        } else {
          this.undoSteps.push({ ...this.describeKey(key), keys: [key] });
        }
        this.redoSteps = [];
      }
      this.emit();
    });
    manager.on('stack-item-popped', () => this.emit());
    this.managers.set(key, manager);
  }

  /**
   * Runs `fn` (which changes documents with the tracked origin) as one described undo step. Nested
   * calls join the outer step. Returns what `fn` returns. With `merge` (typing), a change that its
   * document's capture timeout merges into the previous step stays in that step.
   */
  act<T>(meta: UndoMeta, fn: () => T, options: { merge?: boolean } = {}): T {
    if (this.acting) return fn();
    const step: UndoStep = { ...meta, keys: [] };
    this.acting = step;
    // each action is its own step, even right after typing merged into the previous one
    if (!options.merge) for (const m of this.managers.values()) m.stopCapturing();
    try {
      return fn();
    } finally {
      this.acting = null;
      if (!options.merge) for (const m of this.managers.values()) m.stopCapturing();
      if (step.keys.length) {
        this.undoSteps.push(step);
        this.emit();
      }
    }
  }

  untrack(key: string): void {
    this.managers.get(key)?.destroy();
    this.managers.delete(key);
    const keep = (steps: UndoStep[]) => steps.map((s) => ({ ...s, keys: s.keys.filter((k) => k !== key) })).filter((s) => s.keys.length > 0);
    this.undoSteps = keep(this.undoSteps);
    this.redoSteps = keep(this.redoSteps);
    this.emit();
  }

  get canUndo(): boolean {
    return this.undoSteps.length > 0;
  }

  get canRedo(): boolean {
    return this.redoSteps.length > 0;
  }

  /** The step that undo would take back next. */
  get nextUndo(): UndoMeta | undefined {
    return this.undoSteps.at(-1);
  }

  get nextRedo(): UndoMeta | undefined {
    return this.redoSteps.at(-1);
  }

  /** Undoes the last step; returns it (what was undone, and where), or undefined if nothing was. */
  undo(): UndoStep | undefined {
    return this.replay(this.undoSteps, this.redoSteps, (m) => m.undoStack.length > 0 && (m.undo(), true));
  }

  redo(): UndoStep | undefined {
    return this.replay(this.redoSteps, this.undoSteps, (m) => m.redoStack.length > 0 && (m.redo(), true));
  }

  /** Pops steps from `from` until one can act on at least one of its documents; moves it to `to`. */
  private replay(from: UndoStep[], to: UndoStep[], act: (m: Y.UndoManager) => boolean): UndoStep | undefined {
    while (from.length) {
      const step = from.pop()!;
      let acted = false;
      this.replaying = true;
      try {
        // the last document changed is taken back first
        for (const key of [...step.keys].reverse()) {
          const manager = this.managers.get(key);
          if (manager && act(manager)) acted = true;
        }
      } finally {
        this.replaying = false;
      }
      if (acted) {
        to.push(step);
        this.emit();
        return step;
      }
    }
    this.emit();
    return undefined;
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
