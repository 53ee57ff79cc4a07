import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { demoKeyPair } from '../../identity/keys';
import { signEvent } from '../../identity/signedEvent';
import { appendSignedEvent, LedgerVerifier, ledgerEvents, openLedgerDoc, readLedger } from './ledgerDoc';
import { getMember, listMembers, putMember } from './members';

const alice = demoKeyPair('alice');
const bob = demoKeyPair('bob');
const vouch = () =>
  signEvent(alice, 'attestation', { subject: bob.publicKey, claim: { type: 'skill', skill: 'design', level: 0.8 }, comment: 'great work' }, '2026-11-01T10:00:00Z');

describe('the ledger document', () => {
  it('appends signed events and verifies them on read', () => {
    const doc = new Y.Doc();
    openLedgerDoc(doc, 'test');
    appendSignedEvent(doc, vouch(), 'test');
    const [entry] = readLedger(doc);
    expect(entry.status).toBe('valid');
    expect(entry.event?.author).toBe(alice.publicKey);
  });

  it('refuses a tampered or malformed event, and writes nothing', () => {
    const doc = new Y.Doc();
    openLedgerDoc(doc, 'test');
    const e = vouch();
    expect(() => appendSignedEvent(doc, { ...e, body: { ...e.body, comment: 'changed' } }, 'test')).toThrow(/tampered/);
    expect(() => appendSignedEvent(doc, { ...e, kind: 'nope' } as never, 'test')).toThrow(/signed event/);
    expect(ledgerEvents(doc).length).toBe(0);
  });

  it('shows an event changed by a peer as tampered, never drops it, and re-verifies changed bytes', () => {
    const doc = new Y.Doc();
    openLedgerDoc(doc, 'test');
    appendSignedEvent(doc, vouch(), 'test');
    const verifier = new LedgerVerifier();
    expect(verifier.read(doc)[0].status).toBe('valid');
    // a hostile peer rewrites the stored event in place
    const e = vouch();
    doc.transact(() => {
      ledgerEvents(doc).delete(0, 1);
      ledgerEvents(doc).insert(0, [{ ...e, body: { ...e.body, comment: 'rewritten' } }]);
      ledgerEvents(doc).push([{ junk: true }]);
    });
    const entries = verifier.read(doc);
    expect(entries.map((x) => x.status)).toEqual(['tampered', 'malformed']);
    expect(entries[0].reason).toMatch(/signature/);
  });
});

describe('workspace members', () => {
  it('binds names to public keys, keeps join time on rename, and ignores invalid entries', () => {
    const doc = new Y.Doc();
    putMember(doc, { key: alice.publicKey, name: 'Alice', joinedAt: 5 }, 'test');
    putMember(doc, { key: alice.publicKey, name: 'Alice K.', joinedAt: 99 }, 'test');
    doc.getMap('members').set('x', { key: 'x', name: 'bad', joinedAt: 1 });
    doc.getMap('members').set(bob.publicKey, { key: alice.publicKey, name: 'spoof', joinedAt: 1 });
    expect(listMembers(doc)).toEqual([{ key: alice.publicKey, name: 'Alice K.', joinedAt: 5 }]);
    expect(getMember(doc, bob.publicKey)).toBeUndefined();
    expect(() => putMember(doc, { key: 'zz', name: 'x', joinedAt: 1 }, 'test')).toThrow();
  });
});
