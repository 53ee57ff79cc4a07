import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LOCAL } from './rooms';
import { MultiDocUndo } from './undo';

describe('MultiDocUndo', () => {
  it('undoes and redoes across documents in the order changes were made, and never a peer’s edit', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const undo = new MultiDocUndo(LOCAL);
    undo.track('a', a.getMap('m'));
    undo.track('b', b.getMap('m'));
    a.transact(() => a.getMap('m').set('x', 1), LOCAL);
    b.transact(() => b.getMap('m').set('y', 2), LOCAL);
    a.transact(() => a.getMap('m').set('x', 3), LOCAL);
    b.getMap('m').set('peer', 'remote'); // not LOCAL: not undoable
    expect(undo.canUndo).toBe(true);
    undo.undo();
    expect(a.getMap('m').get('x')).toBe(1);
    undo.undo();
    expect(b.getMap('m').has('y')).toBe(false);
    expect(b.getMap('m').get('peer')).toBe('remote');
    undo.undo();
    expect(a.getMap('m').has('x')).toBe(false);
    expect(undo.canUndo).toBe(false);
    undo.redo();
    undo.redo();
    expect(a.getMap('m').get('x')).toBe(1);
    expect(b.getMap('m').get('y')).toBe(2);
    // a new change clears what could be redone
    b.transact(() => b.getMap('m').set('z', 9), LOCAL);
    expect(undo.canRedo).toBe(false);
    undo.destroy();
  });
});
