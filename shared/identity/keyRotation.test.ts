import { describe, expect, it } from 'vitest';
import { demoKeyPair } from './keys';
import { keyHistory } from './keyRotation';
import { signEvent, verifyEvents } from './signedEvent';

const [old, next, m1, m2, m3, stranger] = ['old', 'next', 'm1', 'm2', 'm3', 'stranger'].map(demoKeyPair);
const members = new Set([old, m1, m2, m3].map((k) => k.publicKey));
const body = { oldKey: old.publicKey, newKey: next.publicKey, reason: 'lost laptop' };
/** The new key's consent: the same rotation, signed by the key it rotates into. */
const accept = (b: typeof body, by: typeof next, at: string) => signEvent(by, 'key-rotation', b, at);
const vote = (at: string) => signEvent(old, 'vote', { proposal: 'g', proposalDigest: '00'.repeat(32), choice: 'yes' }, at);

describe('key rotation', () => {
  it('signed by the old key: the chain moves on, earlier signatures stay valid history, later ones do not', () => {
    const before = vote('2026-01-01T00:00:00Z');
    const rotation = signEvent(old, 'key-rotation', body, '2026-02-01T00:00:00Z');
    const after = vote('2026-03-01T00:00:00Z');
    const h = keyHistory(verifyEvents([before, rotation, accept(body, next, '2026-01-31T00:00:00Z'), after]), { members });
    expect(h.currentKey(old.publicKey)).toBe(next.publicKey);
    expect(h.rotations[0]).toMatchObject({ via: 'old-key', at: '2026-02-01T00:00:00Z' });
    expect(h.signedWhileCurrent(before)).toBe(true);
    expect(h.signedWhileCurrent(after)).toBe(false);
    expect(verifyEvents([before])[0].status).toBe('valid');
  });

  it('attested: needs N distinct other members; strangers, the new key and repeats do not count', () => {
    const a1 = signEvent(m1, 'key-rotation', body, '2026-02-01T00:00:00Z');
    const a1again = signEvent(m1, 'key-rotation', body, '2026-02-02T00:00:00Z');
    const byStranger = signEvent(stranger, 'key-rotation', body, '2026-02-03T00:00:00Z');
    const byNew = signEvent(next, 'key-rotation', body, '2026-02-03T00:00:00Z');
    expect(keyHistory(verifyEvents([a1, a1again, byStranger, byNew]), { members, attestationsRequired: 2 }).currentKey(old.publicKey)).toBe(old.publicKey);
    const a2 = signEvent(m2, 'key-rotation', body, '2026-02-05T00:00:00Z');
    expect(keyHistory(verifyEvents([a1, a1again, byStranger, a2]), { members, attestationsRequired: 2 }).currentKey(old.publicKey)).toBe(old.publicKey);
    const h = keyHistory(verifyEvents([a1, a1again, byStranger, a2, byNew]), { members, attestationsRequired: 2 });
    expect(h.currentKey(old.publicKey)).toBe(next.publicKey);
    expect(h.rotations[0]).toMatchObject({ via: 'attested', at: '2026-02-05T00:00:00Z', signers: [m1.publicKey, m2.publicKey] });
    expect(keyHistory(verifyEvents([a1, a2]), { members, attestationsRequired: 3 }).rotations).toHaveLength(0);
  });

  it('a tampered rotation does not rotate; the earliest of two conflicting rotations wins everywhere', () => {
    const r = signEvent(old, 'key-rotation', body, '2026-02-01T00:00:00Z');
    const tampered = { ...r, body: { ...r.body, newKey: stranger.publicKey } };
    expect(keyHistory(verifyEvents([tampered]), { members }).currentKey(old.publicKey)).toBe(old.publicKey);
    const toM3 = { ...body, newKey: m3.publicKey };
    const later = signEvent(old, 'key-rotation', toM3, '2026-02-02T00:00:00Z');
    const consents = [accept(body, next, '2026-02-01T00:00:00Z'), accept(toM3, m3, '2026-02-01T00:00:00Z')];
    for (const order of [[r, later], [later, r]]) expect(keyHistory(verifyEvents([...order, ...consents]), { members }).currentKey(old.publicKey)).toBe(next.publicKey);
  });

  it('follows chains and survives cycles', () => {
    const r1 = signEvent(old, 'key-rotation', body, '2026-02-01T00:00:00Z');
    const r2 = signEvent(next, 'key-rotation', { oldKey: next.publicKey, newKey: m3.publicKey, reason: '' }, '2026-03-01T00:00:00Z');
    const back = signEvent(m3, 'key-rotation', { oldKey: m3.publicKey, newKey: old.publicKey, reason: '' }, '2026-04-01T00:00:00Z');
    const consents = [accept(body, next, '2026-02-01T00:00:00Z'), signEvent(m3, 'key-rotation', r2.body, '2026-03-01T00:00:00Z'), signEvent(old, 'key-rotation', back.body, '2026-04-01T00:00:00Z')];
    const h = keyHistory(verifyEvents([r1, r2, back, ...consents]), { members });
    const ring = [old, next, m3].map((k) => k.publicKey);
    // terminates, and lands on a key of the ring
    for (const k of ring) expect(ring).toContain(h.currentKey(k));
    expect(keyHistory(verifyEvents([r1, r2, ...consents.slice(0, 2)]), { members }).currentKey(old.publicKey)).toBe(m3.publicKey);
  });

  it("needs the new key to accept: nobody can rotate into another member's key on their own", () => {
    // m1 signs a rotation of their own key into m2's key; m2 never agreed
    const hijack = { oldKey: m1.publicKey, newKey: m2.publicKey, reason: 'merge us' };
    const signed = signEvent(m1, 'key-rotation', hijack, '2026-02-01T00:00:00Z');
    const h = keyHistory(verifyEvents([signed]), { members });
    expect(h.currentKey(m1.publicKey)).toBe(m1.publicKey);
    expect(h.rotations).toHaveLength(0);
    expect(h.pending).toMatchObject([{ oldKey: m1.publicKey, newKey: m2.publicKey, via: 'old-key' }]);
    // the same statement signed by anyone but the new key is not its acceptance
    expect(keyHistory(verifyEvents([signed, signEvent(m3, 'key-rotation', hijack, '2026-02-02T00:00:00Z')]), { members }).rotations).toHaveLength(0);

    // once the new key accepts, the rotation holds from the later of the two signatures
    const accepted = keyHistory(verifyEvents([signed, accept(hijack, m2, '2026-02-03T00:00:00Z')]), { members });
    expect(accepted.currentKey(m1.publicKey)).toBe(m2.publicKey);
    expect(accepted.rotations[0].at).toBe('2026-02-03T00:00:00Z');
    expect(accepted.rotations[0].evidence).toHaveLength(2);
    expect(accepted.pending).toHaveLength(0);
    expect(accepted.signedWhileCurrent({ author: m1.publicKey, at: '2026-02-02T00:00:00Z' })).toBe(true);
  });
});
