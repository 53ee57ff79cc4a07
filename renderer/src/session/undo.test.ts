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

describe('described undo steps', () => {
  it('groups one action across documents into one step, with its label and place', () => {
    const project = new Y.Doc();
    const workspace = new Y.Doc();
    const undo = new MultiDocUndo(LOCAL, (key) => ({ label: `Change in ${key}` }));
    undo.track('project', project.getMap('meta'), 500);
    undo.track('workspace', workspace.getMap('projects'));
    undo.act({ label: 'Create project “Reef”', place: { view: 'projects', projectId: 'pr1' } }, () => {
      project.transact(() => project.getMap('meta').set('name', 'Reef'), LOCAL);
      workspace.transact(() => workspace.getMap('projects').set('pr1', { name: 'Reef' }), LOCAL);
    });
    expect(undo.nextUndo?.label).toBe('Create project “Reef”');
    const step = undo.undo();
    expect(step).toMatchObject({ label: 'Create project “Reef”', place: { view: 'projects', projectId: 'pr1' } });
    // one undo took back both documents
    expect(project.getMap('meta').has('name')).toBe(false);
    expect(workspace.getMap('projects').has('pr1')).toBe(false);
    expect(undo.canUndo).toBe(false);
    expect(undo.redo()?.label).toBe('Create project “Reef”');
    expect(workspace.getMap('projects').has('pr1')).toBe(true);
    expect(project.getMap('meta').get('name')).toBe('Reef');
    undo.destroy();
  });

  it('describes a change made outside an action by its document, and keeps actions apart from typing', () => {
    const doc = new Y.Doc();
    const undo = new MultiDocUndo(LOCAL, (key) => ({ label: `Edit in ${key}` }));
    undo.track('p', doc.getMap('m'), 10_000);
    doc.transact(() => doc.getMap('m').set('typed', 1), LOCAL);
    undo.act({ label: 'Rename' }, () => doc.transact(() => doc.getMap('m').set('name', 'x'), LOCAL));
    expect(undo.undo()?.label).toBe('Rename');
    expect(doc.getMap('m').get('typed')).toBe(1);
    expect(undo.undo()?.label).toBe('Edit in p');
    expect(doc.getMap('m').has('typed')).toBe(false);
    undo.destroy();
  });
});

describe('typing', () => {
  it('merges keystrokes made as described actions into one step', () => {
    const doc = new Y.Doc();
    const undo = new MultiDocUndo(LOCAL);
    undo.track('p', doc.getText('t'), 10_000);
    for (const ch of 'abc') undo.act({ label: 'Edit the objective' }, () => doc.transact(() => doc.getText('t').insert(doc.getText('t').length, ch), LOCAL), { merge: true });
    expect(undo.undo()?.label).toBe('Edit the objective');
    expect(doc.getText('t').toString()).toBe('');
    expect(undo.canUndo).toBe(false);
    undo.destroy();
  });
});
