import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { generateNetwork } from '../demo/generateNetwork';
import { addPerson, openNetworkDoc, readNetwork, setTie } from './docs/networkDoc';
import { applyImport, DEFAULT_CHOICES, planImport } from './importPlan';
import type { NetworkFile } from './network';

const O = 'test';
function network() {
  const doc = new Y.Doc();
  openNetworkDoc(doc, O);
  addPerson(doc, { id: 'p1', name: 'Ana Sousa', skills: [{ skill: 'ui-design', level: 0.8 }], rate: 60 }, O);
  addPerson(doc, { id: 'p2', name: 'Chidi Okafor', skills: [], rate: 40 }, O);
  addPerson(doc, { id: 'p3', name: 'Mei Tan', skills: [] }, O);
  setTie(doc, { from: 'p1', to: 'p2', trust: 0.9 }, O);
  return doc;
}
const file: NetworkFile = {
  version: 1,
  people: [
    { id: 'p1', name: 'ana sousa', skills: [{ skill: 'storytelling', level: 0.5 }], rate: 75 }, // same person, changed
    { id: 'p2', name: 'Kofi Mensah', skills: [], rate: 30 }, // somebody else with our p2's id
    { id: 'p3', name: 'Mei Tan', skills: [] }, // identical
    { id: 'p4', name: 'Lena Berg', skills: [] }, // new
  ],
  ties: [
    { from: 'p4', to: 'p2', trust: 0.7 },
    { from: 'p1', to: 'p2', trust: 0.9 },
  ],
};

describe('import preview', () => {
  it('plans without writing: added, updates field by field, conflicts and unchanged', () => {
    const doc = network();
    const before = Y.encodeStateVector(doc);
    const plan = planImport(doc, file);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(plan.added.map((p) => p.id)).toEqual(['p4']);
    expect(plan.unchanged.map((p) => p.id)).toEqual(['p3']);
    expect(plan.updates).toHaveLength(1);
    expect(plan.updates[0].changes).toEqual([
      { field: 'name', from: 'Ana Sousa', to: 'ana sousa' },
      { field: 'skills', from: { 'ui-design': 0.8 }, to: { storytelling: 0.5 } },
      { field: 'rate', from: 60, to: 75 },
    ]);
    expect(plan.conflicts.map((c) => [c.existing.name, c.incoming.name])).toEqual([['Chidi Okafor', 'Kofi Mensah']]);
    expect(plan.ties).toEqual({ added: 1, changed: 0, unchanged: 1 });
  });

  it('by default never overwrites somebody else: a colliding id is imported as a new person, with its ties', () => {
    const doc = network();
    const result = applyImport(doc, planImport(doc, file), DEFAULT_CHOICES, O);
    const net = readNetwork(doc);
    const byId = new Map(net.people.map((p) => [p.id, p]));
    expect(byId.get('p2')!.name).toBe('Chidi Okafor');
    expect(byId.get('p2-2')!.name).toBe('Kofi Mensah');
    expect(result.renamed).toEqual([{ from: 'p2', to: 'p2-2' }]);
    // in the file, p2 is Kofi: its ties point to Kofi's new id, and our p1 → p2 (Chidi) stays
    expect(net.ties.map((t) => `${t.from}>${t.to}`).sort()).toEqual(['p1>p2', 'p1>p2-2', 'p4>p2-2']);
    // the update merged field by field: skills from both, the new rate, the other fields kept
    expect(byId.get('p1')).toMatchObject({ rate: 75, skills: [{ skill: 'storytelling', level: 0.5 }, { skill: 'ui-design', level: 0.8 }] });
    expect(net.people).toHaveLength(5);
  });

  it('skip keeps ours and leaves out ties that would attach to the wrong person; merge overwrites', () => {
    const skipped = network();
    applyImport(skipped, planImport(skipped, file), { updates: 'skip', conflicts: 'skip' }, O);
    const s = readNetwork(skipped);
    expect(s.people.find((p) => p.id === 'p1')!.rate).toBe(60);
    expect(s.people.find((p) => p.id === 'p2')!.name).toBe('Chidi Okafor');
    expect(s.ties.some((t) => t.from === 'p4')).toBe(false);

    const merged = network();
    applyImport(merged, planImport(merged, file), { updates: 'merge', conflicts: 'merge' }, O);
    expect(readNetwork(merged).people.find((p) => p.id === 'p2')!.name).toBe('Kofi Mensah');
  });

  it('is one transaction: one undo step takes the whole import back', () => {
    const doc = network();
    const undo = new Y.UndoManager([doc.getMap('people'), doc.getMap('ties')], { trackedOrigins: new Set(['import']) });
    const before = JSON.stringify(readNetwork(doc));
    applyImport(doc, planImport(doc, file), DEFAULT_CHOICES, 'import');
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    expect(JSON.stringify(readNetwork(doc))).toBe(before);
  });

  it('rejects a bad file naming the field, before anything is written', () => {
    const doc = network();
    const before = Y.encodeStateVector(doc);
    expect(() => planImport(doc, { ...file, ties: [{ from: 'p1', to: 'nobody', trust: 0.5 }] })).toThrow(/\$\.ties\[0\]\.to/);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('the issue’s case: a 500-person demo file into a network with the same short ids changes nobody', () => {
    const doc = new Y.Doc();
    openNetworkDoc(doc, O);
    const mine = generateNetwork({ people: 120, seed: 3 });
    applyImport(doc, planImport(doc, mine), DEFAULT_CHOICES, O);
    const p90 = readNetwork(doc).people.find((p) => p.id === 'p90')!;
    const other = generateNetwork({ people: 500, seed: 1 });
    const plan = planImport(doc, other);
    expect(plan.conflicts.length).toBeGreaterThan(100);
    applyImport(doc, plan, DEFAULT_CHOICES, O);
    const after = readNetwork(doc);
    expect(after.people.find((p) => p.id === 'p90')).toEqual(p90);
    expect(after.people).toHaveLength(120 + 500);
  });
});
