import { describe, expect, it } from 'vitest';
import { demoKeyPair } from '../../identity/keys';
import { CLAIM_KIND, personKeys, type PersonClaim } from './personKeys';
import { signRecord } from './signedRecord';

const claim = (person: string, by: string, at: string) => signRecord(demoKeyPair(by), CLAIM_KIND, { person, at }) as PersonClaim;

describe('which key acts for a person', () => {
  it('binds the earliest valid claim, whatever order the claims arrive in', () => {
    const claims = [claim('p1', 'bob', '2026-01-02T00:00:00Z'), claim('p1', 'alice', '2026-01-01T00:00:00Z')];
    for (const order of [claims, [...claims].reverse()]) {
      const b = personKeys(order);
      expect(b.keys.get('p1')).toBe(demoKeyPair('alice').publicKey);
      expect(b.contested).toHaveLength(1);
    }
  });

  it('a workspace identity link binds before any project claim, and contests claims by other keys', () => {
    const carol = demoKeyPair('carol').publicKey;
    const b = personKeys([claim('p1', 'alice', '2026-01-01T00:00:00Z'), claim('p2', 'bob', '2026-01-01T00:00:00Z')], new Map([['p1', carol]]));
    expect(b.keys.get('p1')).toBe(carol);
    expect(b.keys.get('p2')).toBe(demoKeyPair('bob').publicKey);
    expect(b.contested.map((c) => c.reason)).toEqual([expect.stringMatching(/p1 is linked to the key .* in this workspace/)]);
  });
});
