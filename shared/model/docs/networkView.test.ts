import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { generateNetwork } from '../../demo/generateNetwork';
import { addPerson, deletePerson, deleteTie, importNetwork, openNetworkDoc, readNetwork, setSkill, setTie, updatePerson } from './networkDoc';
import { NetworkView } from './networkView';

const O = 'test';
function demo(people = 40) {
  const doc = new Y.Doc();
  openNetworkDoc(doc, O);
  importNetwork(doc, generateNetwork({ people, seed: 5 }), O);
  return doc;
}

describe('incremental network view', () => {
  it('equals readNetwork after any sequence of edits, adds, deletes, renames and bad records', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('rate' as const), who: fc.nat(60), rate: fc.integer({ min: 0, max: 300 }) }),
      fc.record({ kind: fc.constant('rename' as const), who: fc.nat(60), name: fc.constantFrom('Ana', 'Zed', 'Mia', 'Bo') }),
      fc.record({ kind: fc.constant('skill' as const), who: fc.nat(60), level: fc.double({ min: 0, max: 1, noNaN: true }) }),
      fc.record({ kind: fc.constant('add' as const), who: fc.nat(1000) }),
      fc.record({ kind: fc.constant('delete' as const), who: fc.nat(60) }),
      fc.record({ kind: fc.constant('tie' as const), a: fc.nat(60), b: fc.nat(60), trust: fc.double({ min: 0.05, max: 1, noNaN: true }) }),
      fc.record({ kind: fc.constant('untie' as const), a: fc.nat(60), b: fc.nat(60) }),
      fc.record({ kind: fc.constant('corrupt' as const), who: fc.nat(60) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), fc.boolean(), (ops, snapshotEachStep) => {
        const doc = demo();
        const view = new NetworkView(doc);
        const id = (n: number) => {
          const ids = [...doc.getMap('people').keys()].sort();
          return ids[n % Math.max(1, ids.length)];
        };
        for (const o of ops) {
          try {
            if (o.kind === 'rate') updatePerson(doc, id(o.who), { rate: o.rate }, O);
            else if (o.kind === 'rename') updatePerson(doc, id(o.who), { name: o.name }, O);
            else if (o.kind === 'skill') setSkill(doc, id(o.who), 'storytelling', o.level, O);
            else if (o.kind === 'add') addPerson(doc, { id: `n${o.who}`, name: `New ${o.who}`, skills: [] }, O);
            else if (o.kind === 'delete') deletePerson(doc, id(o.who), O);
            else if (o.kind === 'tie') setTie(doc, { from: id(o.a), to: id(o.b), trust: o.trust }, O);
            else if (o.kind === 'untie') deleteTie(doc, id(o.a), id(o.b), O);
            else (doc.getMap('people').get(id(o.who)) as Y.Map<unknown> | undefined)?.set('rate', -1);
          } catch {
            // an op the model refuses (a self-tie, a missing person) changes nothing
          }
          if (snapshotEachStep) expect(view.snapshot()).toEqual(readNetwork(doc));
        }
        expect(view.snapshot()).toEqual(readNetwork(doc));
        view.destroy();
      }),
      { numRuns: 300 },
    );
  });

  it('reuses unchanged records and reports what changed', () => {
    const doc = demo();
    const view = new NetworkView(doc);
    const before = view.snapshot();
    const changes: string[] = [];
    view.subscribe((c) => changes.push(`${[...c.people]}|${c.membership}`));
    const target = before.people[3];
    updatePerson(doc, target.id, { rate: 999 }, O);
    const after = view.snapshot();
    expect(after).not.toBe(before);
    expect(after.people[3].rate).toBe(999);
    expect(after.people[4]).toBe(before.people[4]);
    expect(after.ties).toBe(before.ties);
    expect(changes).toEqual([`${target.id}|false`]);
    expect(view.snapshot()).toBe(after);
  });

  it('orders ties as readNetwork does when the collator holds two ids equal (é composed and decomposed)', () => {
    const doc = new Y.Doc();
    openNetworkDoc(doc, O);
    const ids = ['b', '\u00e9', 'e\u0301', 'a', 'E'];
    for (const id of ids) addPerson(doc, { id, name: `N ${id}`, skills: [] }, O);
    for (const from of ids) for (const to of ids) if (from !== to) setTie(doc, { from, to, trust: 0.5 }, O);
    const view = new NetworkView(doc);
    expect(view.snapshot().ties).toEqual(readNetwork(doc).ties);
    expect(view.snapshot().ties.map((t) => `${t.from}>${t.to}`)).toEqual(readNetwork(doc).ties.map((t) => `${t.from}>${t.to}`));
    view.destroy();
  });
});
