import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { listLinkClaims, putLinkClaim, removeLinkClaim } from './linkClaims';

const KEY = 'ab'.repeat(32);
const BY = 'cd'.repeat(32);

describe('link claims', () => {
  it('stores, lists and removes claims; refuses a malformed one with nothing written', () => {
    const doc = new Y.Doc();
    putLinkClaim(doc, { person: 'p1', key: KEY, by: BY, at: 1 }, null);
    expect(listLinkClaims(doc)).toEqual([{ person: 'p1', key: KEY, by: BY, at: 1 }]);
    expect(() => putLinkClaim(doc, { person: 'p2', key: 'nope', by: BY, at: 2 }, null)).toThrow(/key/);
    expect(listLinkClaims(doc)).toHaveLength(1);
    removeLinkClaim(doc, 'p1', null);
    expect(listLinkClaims(doc)).toEqual([]);
    doc.destroy();
  });

  it('leaves out entries a peer wrote malformed or under the wrong key', () => {
    const doc = new Y.Doc();
    doc.getMap('linkClaims').set('p1', { person: 'p2', key: KEY, by: BY, at: 1 });
    doc.getMap('linkClaims').set('p3', { junk: true });
    expect(listLinkClaims(doc)).toEqual([]);
    doc.destroy();
  });
});
