import { describe, expect, it } from 'vitest';
import { demoKeyPair } from './keys';
import { keyHistory } from './keyRotation';
import { personLinks } from './personLinks';
import { signEvent, verifyEvents } from './signedEvent';

const ana = demoKeyPair('ana');
const ben = demoKeyPair('ben');
const anaNew = demoKeyPair('ana-2');
const at = (d: number) => `2026-01-0${d}T10:00:00Z`;

describe('linking a person to a member key', () => {
  it('holds only when signed by the key itself, for this workspace', () => {
    const events = [
      signEvent(ana, 'person-link', { workspace: 'w1', person: 'p-ana' }, at(1)),
      signEvent(ben, 'person-link', { workspace: 'w2', person: 'p-ben' }, at(1)),
    ];
    const links = personLinks(verifyEvents(events), { workspace: 'w1' });
    expect(links.personOfKey(ana.publicKey)).toBe('p-ana');
    expect(links.keyOfPerson('p-ana')).toBe(ana.publicKey);
    expect(links.personOfKey(ben.publicKey)).toBeUndefined();
  });

  it('a tampered confirmation links nobody', () => {
    const e = signEvent(ana, 'person-link', { workspace: 'w1', person: 'p-ana' }, at(1));
    const tampered = { ...e, body: { ...e.body, person: 'p-boss' } };
    const links = personLinks(verifyEvents([tampered]), { workspace: 'w1' });
    expect(links.links).toEqual([]);
    expect(links.keyOfPerson('p-boss')).toBeUndefined();
  });

  it('the earliest confirmation wins per person and per key, whatever the order read', () => {
    const events = [
      signEvent(ben, 'person-link', { workspace: 'w1', person: 'p-ana' }, at(2)),
      signEvent(ana, 'person-link', { workspace: 'w1', person: 'p-ana' }, at(1)),
      signEvent(ana, 'person-link', { workspace: 'w1', person: 'p-other' }, at(3)),
    ];
    for (const order of [events, [...events].reverse()]) {
      const links = personLinks(verifyEvents(order), { workspace: 'w1' });
      expect(links.keyOfPerson('p-ana')).toBe(ana.publicKey);
      expect(links.personOfKey(ben.publicKey)).toBeUndefined();
      expect(links.keyOfPerson('p-other')).toBeUndefined();
    }
  });

  it('follows a key rotation: the new key is the same person, the old one still reads as them', () => {
    const events = verifyEvents([
      signEvent(ana, 'person-link', { workspace: 'w1', person: 'p-ana' }, at(1)),
      signEvent(ana, 'key-rotation', { oldKey: ana.publicKey, newKey: anaNew.publicKey, reason: 'lost laptop' }, at(2)),
      signEvent(anaNew, 'key-rotation', { oldKey: ana.publicKey, newKey: anaNew.publicKey, reason: 'lost laptop' }, at(2)),
    ]);
    const history = keyHistory(events, { members: new Set([ana.publicKey, ben.publicKey]) });
    const links = personLinks(events, { workspace: 'w1', history });
    expect(links.keyOfPerson('p-ana')).toBe(anaNew.publicKey);
    expect(links.personOfKey(anaNew.publicKey)).toBe('p-ana');
    expect(links.personOfKey(ana.publicKey)).toBe('p-ana');
  });
});
