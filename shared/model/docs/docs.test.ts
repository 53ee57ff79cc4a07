import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildDemoWorkspace } from '../../demo/demoWorkspace';
import { docVersion, migrate, NewerDocumentError } from './docVersion';
import { addPerson, deletePerson, exportNetwork, importNetwork, openNetworkDoc, readNetwork, setSkill, setTie, updatePerson } from './networkDoc';
import { editObjective, objectiveText, openProjectDoc } from './projectDoc';
import { listProjects, openWorkspaceDoc } from './workspaceDoc';

const O = 'test';
const person = (id: string, name = id) => ({ id, name, skills: [{ skill: 'ui-design', level: 0.7 }] });

describe('network document', () => {
  it('adds, edits, validates and deletes people and their ties', () => {
    const doc = new Y.Doc();
    openNetworkDoc(doc, O);
    addPerson(doc, person('a', 'Ana'), O);
    addPerson(doc, person('b', 'Bo'), O);
    updatePerson(doc, 'a', { rate: 55, timezone: 'Europe/Lisbon' }, O);
    setSkill(doc, 'a', 'storytelling', 0.4, O);
    setTie(doc, { from: 'a', to: 'b', trust: 0.8, kind: 'worked-with' }, O);
    let net = readNetwork(doc);
    expect(net.people.find((p) => p.id === 'a')).toMatchObject({ name: 'Ana', rate: 55, skills: expect.arrayContaining([{ skill: 'storytelling', level: 0.4 }]) });
    expect(net.ties).toEqual([{ from: 'a', to: 'b', trust: 0.8, kind: 'worked-with' }]);
    expect(() => updatePerson(doc, 'a', { rate: -3 }, O)).toThrow(/rate/);
    expect(() => setTie(doc, { from: 'a', to: 'a', trust: 0.5 }, O)).toThrow(/two different people/);
    expect(() => setSkill(doc, 'a', 'x', 7, O)).toThrow(/level/);
    deletePerson(doc, 'b', O);
    net = readNetwork(doc);
    expect(net.people.map((p) => p.id)).toEqual(['a']);
    expect(net.ties).toEqual([]);
  });

  it('concurrent edits of different skills of one person both survive', () => {
    const a = new Y.Doc();
    openNetworkDoc(a, O);
    addPerson(a, person('p'), O);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    setSkill(a, 'p', 'storytelling', 0.5, O);
    setSkill(b, 'p', 'lifecycle-assessment', 0.6, O);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const skills = readNetwork(a).people[0].skills.map((s) => s.skill).sort();
    expect(skills).toEqual(['lifecycle-assessment', 'storytelling', 'ui-design']);
    expect(readNetwork(b)).toEqual(readNetwork(a));
  });

  it('a record a peer wrote that fails validation is reported, not dropped silently', () => {
    const doc = new Y.Doc();
    openNetworkDoc(doc, O);
    const bad = new Y.Map();
    doc.getMap('people').set('x', bad);
    bad.set('name', '');
    const snap = readNetwork(doc);
    expect(snap.people).toEqual([]);
    expect(snap.invalid).toEqual([{ key: 'x', problem: expect.any(String) }]);
  });

  it('imports all or nothing', () => {
    const doc = new Y.Doc();
    openNetworkDoc(doc, O);
    expect(() => importNetwork(doc, { version: 1, people: [person('a')], ties: [{ from: 'a', to: 'ghost', trust: 0.5 }] }, O)).toThrow(/\$\.ties\[0\]\.to/);
    expect(readNetwork(doc).people).toEqual([]);
    importNetwork(doc, { version: 1, people: [person('a'), person('b')], ties: [{ from: 'a', to: 'b', trust: 0.5 }] }, O);
    expect(exportNetwork(doc)).toMatchObject({ version: 1, people: [{ id: 'a' }, { id: 'b' }], ties: [{ from: 'a', to: 'b' }] });
  });
});

describe('schema versions and migrations', () => {
  it('migrates an old document forward once and refuses a newer one', () => {
    const doc = new Y.Doc();
    expect(docVersion(doc)).toBe(0);
    const ran: number[] = [];
    const migrations = [1, 2].map((to) => ({ to, run: () => void ran.push(to) }));
    expect(migrate(doc, 'network', 2, migrations, O)).toEqual([1, 2]);
    expect(migrate(doc, 'network', 2, migrations, O)).toEqual([]);
    expect(ran).toEqual([1, 2]);
    const newer = new Y.Doc();
    newer.getMap('meta').set('version', 9);
    expect(() => openNetworkDoc(newer, O)).toThrow(NewerDocumentError);
  });
});

describe('project document', () => {
  it('edits the objective minimally, so a concurrent edit elsewhere survives', () => {
    const a = new Y.Doc();
    openProjectDoc(a, O);
    editObjective(a, 'Launch a product in Lisbon', O);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    editObjective(a, 'Launch a sustainable product in Lisbon', O);
    editObjective(b, 'Launch a product in Lisbon and Porto', O);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(objectiveText(a).toString()).toBe('Launch a sustainable product in Lisbon and Porto');
    expect(objectiveText(b).toString()).toBe(objectiveText(a).toString());
  });
});

describe('demo workspace', () => {
  it('is byte-identical on every build, so two installs sync it without duplicates', () => {
    const one = buildDemoWorkspace(60);
    const two = buildDemoWorkspace(60);
    expect(Buffer.from(one.network).equals(Buffer.from(two.network))).toBe(true);
    expect(Buffer.from(one.workspace).equals(Buffer.from(two.workspace))).toBe(true);
    const merged = new Y.Doc();
    Y.applyUpdate(merged, one.network);
    const size = Y.encodeStateAsUpdate(merged).byteLength;
    Y.applyUpdate(merged, two.network);
    expect(Y.encodeStateAsUpdate(merged).byteLength).toBe(size);
  });

  it('has about 200 people, ties and projects', () => {
    const demo = buildDemoWorkspace();
    const net = new Y.Doc();
    Y.applyUpdate(net, demo.network);
    const snap = readNetwork(net);
    expect(snap.people).toHaveLength(200);
    expect(snap.ties.length).toBeGreaterThan(500);
    expect(snap.invalid).toEqual([]);
    const ws = new Y.Doc();
    Y.applyUpdate(ws, demo.workspace);
    openWorkspaceDoc(ws, O);
    expect(listProjects(ws).map((p) => p.id)).toEqual(demo.projects.map((p) => p.id));
  });
});
