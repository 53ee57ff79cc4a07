import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addsTo } from './updateAdds';

const diff = (other: Uint8Array, base: Uint8Array) => Y.diffUpdate(other, Y.encodeStateVectorFromUpdate(base));

describe('addsTo', () => {
  it('a copy with deletions adds nothing to an equal copy (diffUpdate alone says it does)', () => {
    const d = new Y.Doc();
    d.getArray('a').insert(0, [1, 2, 3, 4]);
    d.getArray('a').delete(1, 2);
    d.getMap('m').set('k', 'v');
    d.getMap('m').delete('k');
    const state = Y.encodeStateAsUpdate(d);
    const again = Y.mergeUpdates([state]);
    expect(Y.decodeUpdate(diff(state, again)).ds.clients.size).toBeGreaterThan(0);
    expect(addsTo(again, diff(state, again))).toBe(false);
  });

  it('a missing insert or a missing deletion is something to add', () => {
    const d = new Y.Doc();
    d.getArray('a').insert(0, [1, 2, 3]);
    const before = Y.encodeStateAsUpdate(d);
    d.getArray('a').delete(0, 1); // a deletion only: no new structs
    const afterDelete = Y.encodeStateAsUpdate(d);
    expect(addsTo(before, diff(afterDelete, before))).toBe(true);
    d.getArray('a').insert(0, [9]);
    expect(addsTo(afterDelete, diff(Y.encodeStateAsUpdate(d), afterDelete))).toBe(true);
    expect(addsTo(null, diff(afterDelete, new Uint8Array([0, 0])))).toBe(true);
    expect(addsTo(afterDelete, diff(before, afterDelete))).toBe(false); // the older copy adds nothing
  });
});
