import { describe, expect, it } from 'vitest';
import { generateNetwork } from '../demo/generateNetwork';
import { buildTrustGraph } from '../graph/trustGraph';
import { STANDARD_DIMENSIONS } from '../identity/eventKinds';
import { demoKeyPair, type Signer } from '../identity/keys';
import { signEvent, verifyEvents, type SignedEvent } from '../identity/signedEvent';
import { applyEvidence, evidenceTies } from './evidenceTrust';
import { personalizedTrust } from './personalizedTrust';

const net = generateNetwork({ people: 300, seed: 4 });
const keys = new Map(net.people.map((p) => [p.id, demoKeyPair(`ev/${p.id}`)]));
const personOf = new Map([...keys].map(([id, k]) => [k.publicKey, id]));
const key = (id: string) => keys.get(id)!;
const priorOf = (from: string, to: string) => net.ties.find((t) => t.from === from && t.to === to)?.trust;

function feedback(author: Signer, subject: Signer, score: number, at = '2026-01-10T00:00:00Z'): SignedEvent {
  const dimensions = Object.fromEntries(STANDARD_DIMENSIONS.map((d) => [d, { score, scale: { min: 1, max: 5 }, comment: '' }]));
  return signEvent(author, 'feedback', { subject: subject.publicKey, engagement: { project: 'x', milestone: null }, context: { role: 'r', projectType: 't', constraints: [] }, dimensions }, at);
}

const NOW = '2026-02-01T00:00:00Z';
const opts = { now: NOW, personOfKey: (k: string) => personOf.get(k) };
// a calibration history, so the raters are not all unknown
const history = ['p10', 'p11', 'p12'].flatMap((r, i) => [3, 4, 2, 5].map((s, j) => feedback(key(r), key(`p${20 + i + j}`), s)));

function trustOf(viewer: string, target: string, events: SignedEvent[]) {
  const ties = evidenceTies(verifyEvents(events), priorOf, opts);
  const graph = buildTrustGraph({ people: net.people, ties: applyEvidence(net, ties) });
  return { rank: personalizedTrust(graph, graph.indexOf.get(viewer)!)[graph.indexOf.get(target)!], ties };
}

describe('evidence-derived trust', () => {
  const viewer = 'p1';
  const target = 'p250';
  const base = trustOf(viewer, target, history).rank;

  it('good feedback from the viewer raises the target, poor feedback lowers the tie', () => {
    const good = trustOf(viewer, target, [...history, feedback(key(viewer), key(target), 5)]);
    const poor = trustOf(viewer, target, [...history, feedback(key(viewer), key(target), 1)]);
    expect(good.rank).toBeGreaterThan(base);
    const tie = (r: typeof good) => r.ties.find((t) => t.from === viewer && t.to === target)!;
    expect(tie(good).trust).toBeGreaterThan(tie(good).prior);
    expect(tie(poor).trust).toBeLessThan(tie(poor).prior);
    expect(poor.rank).toBeLessThan(good.rank);
  });

  it('lowers an existing tie after poor feedback, and evidence fades with age', () => {
    const tie = net.ties.find((t) => t.from === viewer)!;
    const recent = evidenceTies(verifyEvents([...history, feedback(key(viewer), key(tie.to), 1, '2026-01-30T00:00:00Z')]), priorOf, opts).find((t) => t.to === tie.to && t.from === viewer)!;
    const old = evidenceTies(verifyEvents([...history, feedback(key(viewer), key(tie.to), 1, '2023-01-30T00:00:00Z')]), priorOf, opts).find((t) => t.to === tie.to && t.from === viewer)!;
    expect(recent.prior).toBe(tie.trust);
    expect(recent.trust).toBeLessThan(tie.trust);
    expect(old.trust).toBeLessThan(tie.trust);
    expect(old.trust).toBeGreaterThan(recent.trust);
  });

  it('names the signed items a tie rests on; tampered items carry no weight', () => {
    const f = feedback(key(viewer), key(target), 5);
    const a = signEvent(key(viewer), 'attestation', { subject: key(target).publicKey, claim: { type: 'skill', skill: 'ui-design', level: 0.9 }, comment: '' }, '2026-01-11T00:00:00Z');
    const tampered = { ...f, at: '2026-01-12T00:00:00Z' };
    const ties = evidenceTies(verifyEvents([...history, f, a, tampered]), priorOf, opts);
    const t = ties.find((x) => x.from === viewer && x.to === target)!;
    expect(t.evidence.map((x) => x.kind)).toEqual(['feedback', 'attestation']);
    expect(t.evidence.every((x) => /^[0-9a-f]{64}$/.test(x.digest))).toBe(true);
  });
});
