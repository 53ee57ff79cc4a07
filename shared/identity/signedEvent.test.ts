import { describe, expect, it } from 'vitest';
import { allMutations } from '../../test/property/jsonMutations';
import { bytesToHex, demoKeyPair, hexToBytes, keyPairFromSecret, verifySignature } from './keys';
import { eventDigest, signEvent, signingBytes, verifyEvent, verifyEvents, type SignedEvent } from './signedEvent';

const alice = demoKeyPair('alice');
const bob = demoKeyPair('bob');
const AT = '2026-01-02T10:00:00.000Z';

const SAMPLES: SignedEvent[] = [
  signEvent(alice, 'feedback', {
    subject: bob.publicKey,
    engagement: { project: 'p1', milestone: 'm1' },
    context: { role: 'designer', projectType: 'product sprint', constraints: ['async-first'] },
    dimensions: {
      quality: { score: 4, scale: { min: 1, max: 5 }, comment: 'solid' },
      communication: { score: 3, scale: { min: 1, max: 5 }, comment: 'ok' },
      'code-review': { score: 7, scale: { min: 0, max: 10 }, comment: 'thorough' },
    },
  }, AT),
  signEvent(alice, 'attestation', { subject: bob.publicKey, claim: { type: 'worked-with', project: 'p1', role: 'designer', from: AT, to: null }, comment: '' }, AT),
  signEvent(alice, 'attestation', { subject: bob.publicKey, claim: { type: 'skill', skill: 'ui-design', level: 0.8 }, comment: 'seen it' }, AT),
  signEvent(alice, 'agreement-signature', { agreement: 'a1', digest: 'ab'.repeat(32) }, AT),
  signEvent(alice, 'vote', { proposal: 'g1', proposalDigest: 'cd'.repeat(32), choice: 'yes' }, AT),
  signEvent(alice, 'key-rotation', { oldKey: alice.publicKey, newKey: bob.publicKey, reason: 'new laptop' }, AT),
  signEvent(alice, 'profile', { name: 'Alice', skills: [{ skill: 'ui-design', level: 0.7 }], workHistory: [], items: ['ef'.repeat(32)] }, AT),
  signEvent(alice, 'person-link', { workspace: 'w1', person: 'p-alice' }, AT),
];

describe('Ed25519', () => {
  it('matches RFC 8032 test vector 1', () => {
    const k = keyPairFromSecret(hexToBytes('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60'));
    expect(k.publicKey).toBe('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
    const sig = bytesToHex(k.sign(new Uint8Array()));
    expect(sig).toBe('e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b');
    expect(verifySignature(sig, new Uint8Array(), k.publicKey)).toBe(true);
    expect(verifySignature(sig, new Uint8Array([0]), k.publicKey)).toBe(false);
  });
});

describe('signed events', () => {
  it('a fixed event has a fixed signing message, signature and digest (test vector)', () => {
    const e = signEvent(demoKeyPair('vector'), 'vote', { proposal: 'g1', proposalDigest: '00'.repeat(32), choice: 'no' }, '2026-01-01T00:00:00Z');
    expect(new TextDecoder().decode(signingBytes(e))).toBe(
      `archipelago/signed-event/v1\n{"at":"2026-01-01T00:00:00Z","author":"${e.author}","body":{"choice":"no","proposal":"g1","proposalDigest":"${'00'.repeat(32)}"},"kind":"vote","v":1}`,
    );
    expect(e.author).toBe(VECTOR.author);
    expect(e.sig).toBe(VECTOR.sig);
    expect(eventDigest(e)).toBe(VECTOR.digest);
  });

  it('a fixed person-link event has a fixed signing message, signature and digest (test vector)', () => {
    const e = signEvent(demoKeyPair('vector'), 'person-link', { workspace: 'w1', person: 'p1' }, '2026-01-01T00:00:00Z');
    expect(new TextDecoder().decode(signingBytes(e))).toBe(
      `archipelago/signed-event/v1\n{"at":"2026-01-01T00:00:00Z","author":"${VECTOR.author}","body":{"person":"p1","workspace":"w1"},"kind":"person-link","v":1}`,
    );
    expect(e.sig).toBe(LINK_VECTOR.sig);
    expect(eventDigest(e)).toBe(LINK_VECTOR.digest);
  });

  it.each(SAMPLES.map((e) => [e.kind, e] as const))('%s verifies', (_, e) => {
    expect(verifyEvent(e)).toMatchObject({ status: 'valid', reason: '' });
    expect(verifyEvent(JSON.parse(JSON.stringify(e))).status).toBe('valid');
  });

  it('refuses to sign a malformed body', () => {
    expect(() => signEvent(alice, 'vote', { proposal: 'g1', proposalDigest: 'x', choice: 'yes' }, AT)).toThrow();
    expect(() =>
      signEvent(alice, 'feedback', { ...(SAMPLES[0].body as never as object), dimensions: { quality: { score: 9, scale: { min: 1, max: 5 }, comment: '' } } } as never, AT),
    ).toThrow(/outside its scale/);
  });

  // Tampering with every field of every kind: any change is tampered or malformed, never valid.
  for (const sample of SAMPLES) {
    it(`every single change to a ${sample.kind} event fails verification`, () => {
      const mutations = allMutations(sample);
      expect(mutations.length).toBeGreaterThan(10);
      for (const m of mutations) {
        const v = verifyEvent(m.apply(sample));
        expect(v.status, `${m.what} at ${m.path}`).not.toBe('valid');
        if (v.status === 'tampered') expect(v.reason).toMatch(/signature/);
      }
    });
  }

  it('a swapped author or signature from another event is tampered', () => {
    const other = signEvent(bob, 'vote', { proposal: 'g1', proposalDigest: 'cd'.repeat(32), choice: 'yes' }, AT);
    expect(verifyEvent({ ...SAMPLES[4], author: bob.publicKey }).status).toBe('tampered');
    expect(verifyEvent({ ...SAMPLES[4], sig: other.sig }).status).toBe('tampered');
  });

  it('verifying a ledger reports every event, tampered and malformed ones included', () => {
    const tampered = { ...SAMPLES[4], body: { ...SAMPLES[4].body, choice: 'no' } };
    const out = verifyEvents([SAMPLES[0], tampered, { kind: 'vote' }, 'junk', SAMPLES[1]]);
    expect(out.map((x) => x.status)).toEqual(['valid', 'tampered', 'malformed', 'malformed', 'valid']);
    expect(out[1].event?.body).toEqual(tampered.body);
    expect(out[2].reason).toMatch(/^\$\.v/);
  });
});

// Produced once and cross-checked with Node's own Ed25519 (node:crypto) over the same message.
const VECTOR = {
  author: '7a173e857a8a6972721736f0e8759d6803bbdbb00f96edb3ab0fe7376812592f',
  sig: '87c791a77d75f3b6bb6e43dec1b9518d8064bcf3db004c4664b9f08d4940003005d97149ec4bd6e4a8a077483ed3659633f8d7d26d9df4d39390b1f7cdb7b000',
  digest: '23c55212886ef1bdaad5acf688be59ac3fe21705735c8d1cfc49e2d42bd59a53',
};

// The person-link vector, cross-checked the same way (node:crypto verify over the message above).
const LINK_VECTOR = {
  sig: '81a9ce60fc531f73397658c130978217c82e7fa605911f9f7bf37b3fad42ecb2998e9e7752f3b904d9da1f0228c19cb7e300b770050682bfc247cf835dad9809',
  digest: 'd9eca60345d4d64ed00f81a09162738dfe77d337f044fa092ae803888b82a08b',
};
