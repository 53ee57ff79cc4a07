import type { View } from '../../router';

/** `g` then a letter goes to a view (as in many web apps). */
export const GO_KEYS: Record<string, View> = { p: 'people', t: 'ties', j: 'projects', m: 'map', w: 'workspaces' };

/** What the help overlay lists, in order. */
export const SHORTCUTS: { keys: string[]; what: string }[] = [
  { keys: ['Ctrl/⌘', 'K'], what: 'Search people, projects, views and actions' },
  { keys: ['?'], what: 'Show this list of shortcuts' },
  { keys: ['g', 'p'], what: 'Go to People' },
  { keys: ['g', 't'], what: 'Go to Trust ties' },
  { keys: ['g', 'j'], what: 'Go to Projects' },
  { keys: ['g', 'm'], what: 'Go to Map' },
  { keys: ['g', 'w'], what: 'Go to Workspaces' },
  { keys: ['n'], what: 'New person (in People)' },
  { keys: ['Ctrl/⌘', 'Z'], what: 'Undo' },
  { keys: ['Shift', 'Ctrl/⌘', 'Z'], what: 'Redo' },
  { keys: ['Esc'], what: 'Close a dialog, the palette or the editor' },
];

/** Single-key shortcuts never fire while the user types in a field. */
export const isTyping = (el: EventTarget | null) => el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

export type KeyAction = { type: 'help' } | { type: 'go'; view: View } | { type: 'new-person' } | { type: 'pending-g' } | null;

/** Decides what a plain key press means, given whether `g` was pressed just before. Pure, so it is unit-tested. */
export function interpretKey(key: string, o: { pendingG: boolean; view: View; modifiers: boolean }): KeyAction {
  if (o.modifiers) return null;
  if (o.pendingG) {
    const view = GO_KEYS[key.toLowerCase()];
    return view ? { type: 'go', view } : null;
  }
  if (key === '?') return { type: 'help' };
  if (key === 'g') return { type: 'pending-g' };
  if (key === 'n' && o.view === 'people') return { type: 'new-person' };
  return null;
}
