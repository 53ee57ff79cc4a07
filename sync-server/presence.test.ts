import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { encodePresenceEntries, mayClaimPresence, presenceEntries } from './presence';

describe('presence entries', () => {
  it('read and write y-protocols awareness updates byte for byte', () => {
    const a = new awarenessProtocol.Awareness(new Y.Doc());
    a.setLocalState({ user: { name: 'Ana', colour: '#123456' }, cursor: { x: 1 } });
    const update = awarenessProtocol.encodeAwarenessUpdate(a, [a.clientID]);
    const entries = presenceEntries(update);
    expect(entries).toEqual([{ client: a.clientID, clock: expect.any(Number), json: JSON.stringify(a.getLocalState()) }]);
    expect(encodePresenceEntries(entries)).toEqual(update);
    a.destroy();
  });

  it('who may set a client id\'s presence', () => {
    const rw = { scope: 'rw' as const, subject: 'p-a' };
    const ro = { scope: 'r' as const, subject: 'p-b' };
    const roSame = { scope: 'r' as const, subject: 'p-a' };
    const roNobody = { scope: 'r' as const };
    expect(mayClaimPresence(ro, undefined)).toBe(true); // nobody's yet
    expect(mayClaimPresence(ro, ro)).toBe(true); // its own
    expect(mayClaimPresence(rw, ro)).toBe(true); // read-write may (it could rewrite the document anyway)
    expect(mayClaimPresence(rw, 'remote')).toBe(true);
    expect(mayClaimPresence(ro, rw)).toBe(false); // read-only, someone else's
    expect(mayClaimPresence(ro, 'remote')).toBe(false); // a client of another relay
    expect(mayClaimPresence(roSame, rw)).toBe(true); // the same person reconnecting read-only
    expect(mayClaimPresence(roNobody, { scope: 'r' })).toBe(false); // no subject: no proof it is the same person
  });
});
