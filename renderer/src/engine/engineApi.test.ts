import { describe, expect, it } from 'vitest';
import { generateNetwork } from '../../../shared/demo/generateNetwork';
import * as Y from 'yjs';
import { addPerson, importNetwork, openNetworkDoc, setSkill } from '../../../shared/model/docs/networkDoc';
import type { NetworkFile } from '../../../shared/model/network';
import { createEngine } from './engineApi';

/** A network document and an engine whose replica follows it, as the app wires them. */
async function engineOn(net: NetworkFile) {
  const doc = new Y.Doc();
  openNetworkDoc(doc, 'test');
  importNetwork(doc, net, 'test');
  const engine = createEngine();
  await engine.loadNetwork(Y.encodeStateAsUpdate(doc));
  doc.on('update', (u: Uint8Array) => void engine.applyNetworkUpdate(u));
  return { doc, engine };
}

describe('engine boundary', () => {
  it('plans an objective against the network it holds, and reports unreadable text as an error', async () => {
    const { engine } = await engineOn(generateNetwork({ people: 200, seed: 2026 }));
    const plan = await engine.plan('launch a sustainable product');
    if (!plan.ok) throw new Error(plan.error);
    expect(plan.coverage.map((c) => c.skill)).toEqual(plan.forecast.requirements.map((r) => r.skill));
    expect(plan.coverage.find((c) => c.skill === 'circular-design')).toBeDefined();
    const bad = await engine.plan('zzz qqq');
    expect(bad).toEqual({ ok: false, error: expect.stringMatching(/no capability could be inferred/) });
  });

  it('assembles the top teams from the network it holds, respects pins and bans, and names an impossible role', async () => {
    const net = generateNetwork({ people: 200, seed: 2026 });
    const { engine } = await engineOn(net);
    const holders = new Map<string, number>();
    for (const p of net.people) for (const s of p.skills) if (s.level >= 0.5) holders.set(s.skill, (holders.get(s.skill) ?? 0) + 1);
    // three common skills, so that banning one member leaves the request feasible
    const skills = [...holders].filter(([, n]) => n >= 6).slice(0, 3).map(([skill]) => skill);
    const roles = skills.map((skill) => ({ id: skill, skill, minLevel: 0.5 }));
    const first = await engine.assemble({ roles }, { k: 3 });
    if (!first.ok) throw new Error(first.error);
    expect(first.teams.length).toBeGreaterThan(0);
    expect(first.teams[0].members.map((m) => m.roleId)).toEqual(skills);
    // the terms add up to the score
    const t = first.teams[0];
    expect(Object.values(t.terms).reduce((a, b) => a + b, 0)).toBeCloseTo(t.score, 3);
    const out = t.members[0].personId;
    const again = await engine.assemble({ roles, banned: [out] }, { k: 3 });
    if (!again.ok) throw new Error(again.error);
    expect(again.teams.every((team) => team.members.every((m) => m.personId !== out))).toBe(true);
    const impossible = await engine.assemble({ roles: [{ id: 'x', skill: 'no-such-skill', minLevel: 0.5 }] }, {});
    expect(impossible).toMatchObject({ ok: false, error: expect.stringMatching(/x/), subject: { kind: 'role', roleId: 'x' } });
  });

  it('its replica follows the document: an edit changes coverage in place, a new person is picked up', async () => {
    const { doc, engine } = await engineOn(generateNetwork({ people: 60, seed: 3 }));
    const skill = 'storytelling';
    const before = await engine.plan('tell our story', [{ skill, level: 0.99 }]);
    if (!before.ok) throw new Error(before.error);
    const qualified = before.coverage[0].qualified;
    const someone = [...doc.getMap('people').keys()].find((id) => !((doc.getMap('people').get(id) as Y.Map<Y.Map<number>>).get('skills')?.get(skill) ?? 0 >= 0.99))!;
    setSkill(doc, someone, skill, 1, 'test');
    const edited = await engine.plan('tell our story', [{ skill, level: 0.99 }]);
    if (!edited.ok) throw new Error(edited.error);
    expect(edited.coverage[0].qualified).toBe(qualified + 1);
    expect(edited.networkVersion).toBeGreaterThan(before.networkVersion);
    addPerson(doc, { id: 'newcomer', name: 'New Comer', skills: [{ skill, level: 1 }] }, 'test');
    const added = await engine.plan('tell our story', [{ skill, level: 0.99 }]);
    if (!added.ok) throw new Error(added.error);
    expect(added.coverage[0].qualified).toBe(qualified + 2);
  });

  it('advises from a viewer about people, and suggests compound capabilities next to given skills', async () => {
    const net = generateNetwork({ people: 120, seed: 8 });
    const { engine } = await engineOn(net);
    const viewer = net.ties[0].from;
    const targets = [net.ties[0].to, net.people[50].id];
    const advice = await engine.advise(viewer, targets);
    if ('error' in advice) throw new Error(advice.error);
    expect(advice.map((a) => a.personId)).toEqual(targets);
    for (const a of advice) expect(['rely', 'escrow', 'introduce']).toContain(a.advice);
    expect(await engine.advise('nobody', targets)).toEqual({ error: 'nobody is not in this network' });
    const skill = net.people[0].skills[0].skill;
    const compounds = await engine.adjacent([skill], 5);
    expect(compounds.length).toBeGreaterThan(0);
    expect(compounds.length).toBeLessThanOrEqual(5);
  });

  it('gives personalised trust from a viewer (their direct ties above strangers) and the best trust path', async () => {
    const net = generateNetwork({ people: 150, seed: 9 });
    const { engine } = await engineOn(net);
    const viewer = net.ties[0].from;
    const friend = net.ties[0].to;
    const far = net.people.find((p) => p.id !== viewer && !net.ties.some((t) => t.from === viewer && t.to === p.id))!.id;
    const view = await engine.trustFrom(viewer, [friend, far]);
    if ('error' in view) throw new Error(view.error);
    const score = (id: string) => view.scores[view.ids.indexOf(id)];
    expect(score(viewer)).toBe(1);
    expect(Math.max(...view.scores.filter((_, i) => view.ids[i] !== viewer))).toBeCloseTo(1, 5);
    expect(score(friend)).toBeGreaterThan(0);
    expect(view.paths[friend].path[0]).toBe(viewer);
    expect(view.paths[friend].path.at(-1)).toBe(friend);
    if (view.paths[far]) expect(view.paths[far].path.length).toBeGreaterThan(2);
    expect(await engine.trustFrom('nobody')).toEqual({ error: 'nobody is not in this network' });
  });
});

describe('engine evidence', () => {
  it('trust derived from signed evidence replaces the hand-set trust in advice, and can be taken back', async () => {
    const net: NetworkFile = {
      version: 1,
      people: ['a', 'b', 'c'].map((id) => ({ id, name: id.toUpperCase(), skills: [], location: { city: 'Lisbon', country: 'PT', lat: 38.7, lon: -9.1 }, timezone: 'Europe/Lisbon', rate: 50, currency: 'EUR', availability: 1 })),
      ties: [{ from: 'a', to: 'b', trust: 0.3, kind: 'knows' }],
    };
    const { engine } = await engineOn(net);
    const trustAB = async () => {
      const advice = await engine.advise('a', ['b']);
      if ('error' in advice) throw new Error(advice.error);
      return advice[0].pathTrust;
    };
    const before = await trustAB();
    await engine.setEvidence([{ from: 'a', to: 'b', trust: 0.9 }]);
    expect(await trustAB()).toBeGreaterThan(before);
    // evidence can add a tie the network did not have
    await engine.setEvidence([{ from: 'a', to: 'c', trust: 0.8 }]);
    const toC = await engine.advise('a', ['c']);
    if ('error' in toC) throw new Error(toC.error);
    expect(toC[0].pathTrust).toBeCloseTo(0.8, 5);
    expect(await trustAB()).toBeCloseTo(before, 5);
  });
});
