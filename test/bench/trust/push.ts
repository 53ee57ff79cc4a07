import { STANDARD_DIMENSIONS } from '../../../shared/identity/eventKinds';
import { demoKeyPair } from '../../../shared/identity/keys';
import { signEvent, verifyEvent } from '../../../shared/identity/signedEvent';
import { evidenceTies } from '../../../shared/trust/evidenceTrust';
import { personalizedTrust } from '../../../shared/trust/personalizedTrust';
import { pushTrust } from '../../../shared/trust/pushTrust';
import { bigIndex } from '../bigNetwork';
import { medianMs, type BenchRow } from '../harness';

/**
 * Trust at interactive speed on 100k people / 1M ties: top 100 from one viewer by forward push, and
 * the update after one new signed feedback (verify it, derive the tie from its evidence, patch the
 * push state), each against today's power iteration in the same run. Also prints the push's error
 * bound and its top-100 overlap with the exact ranking.
 */
export function pushRows(): BenchRow[] {
  const { graph } = bigIndex();
  const viewer = 17;
  const power = medianMs(() => personalizedTrust(graph, viewer), 3);
  const topFromPush = medianMs(() => pushTrust(graph, viewer).top(100), 5);

  const exact = personalizedTrust(graph, viewer, { iterations: 200, tolerance: 1e-13 });
  const exactTop = new Set(Array.from(exact.keys()).filter((i) => i !== viewer).sort((a, b) => exact[b] - exact[a]).slice(0, 100));
  const state = pushTrust(graph, viewer);
  const overlap = state.top(100).filter((x) => exactTop.has(x.index)).length;

  // One new feedback from a person the viewer trusts about someone far away.
  const author = graph.outTo[graph.outStart[viewer]];
  const authorKey = demoKeyPair(`bench/${author}`);
  const keyOf = new Map<string, string>([[authorKey.publicKey, String(author)]]);
  let subject = 99_000;
  const updates: number[] = [];
  const verifies: number[] = [];
  for (let i = 0; i < 7; i++, subject += 7) {
    const subjectKey = demoKeyPair(`bench/${subject}`);
    keyOf.set(subjectKey.publicKey, String(subject));
    const dims = Object.fromEntries(STANDARD_DIMENSIONS.map((dm) => [dm, { score: 5, scale: { min: 1, max: 5 }, comment: '' }]));
    const event = signEvent(authorKey, 'feedback', { subject: subjectKey.publicKey, engagement: { project: 'b', milestone: null }, context: { role: 'r', projectType: 't', constraints: [] }, dimensions: dims }, '2026-01-01T00:00:00Z');
    const t0 = performance.now();
    const verified = verifyEvent(event);
    verifies.push(performance.now() - t0);
    const t = performance.now();
    const [tie] = evidenceTies([verified], () => undefined, { now: '2026-01-02T00:00:00Z', personOfKey: (k) => keyOf.get(k) });
    const s = graph.outStart[author];
    const e = graph.outStart[author + 1];
    state.setOutTies(author, [...graph.outTo.subarray(s, e), Number(tie.to)], [...graph.outTrust.subarray(s, e), tie.trust]);
    updates.push(performance.now() - t);
  }
  updates.sort((a, b) => a - b);
  const update = updates[Math.floor(updates.length / 2)];
  verifies.sort((a, b) => a - b);
  const verify = verifies[Math.floor(verifies.length / 2)];
  return [
    { measure: 'push trust: top 100 from one viewer, 100k / 1M', figure: topFromPush, baseline: power, baselineName: 'power iteration', unit: 'ms', target: 50 },
    { measure: 'push trust: update after one signed feedback (tie from evidence + push patch)', figure: update, baseline: power, baselineName: 'power iteration again (graph rebuild not counted)', unit: 'ms', target: 10 },
    { measure: 'push trust: verifying that feedback signature (Ed25519, @noble/ed25519)', figure: verify, baseline: null, baselineName: '', unit: 'ms' },
    { measure: `push trust: top-100 overlap with exact (of 100); L1 error bound ${state.errorBound().toExponential(2)}`, figure: overlap, baseline: 100, baselineName: 'exact', unit: '' },
  ];
}
