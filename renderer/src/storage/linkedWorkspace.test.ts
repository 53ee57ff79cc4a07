import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readNetwork } from '../../../shared/model/docs/networkDoc';
import { rooms } from '../session/rooms';
import { openDatabase } from './db';
import { openDoc } from './docStore';
import { openLinkedWorkspace } from './workspaces';

let n = 0;
const freshDb = () => openDatabase(`linked-${++n}-${Date.now()}`);
const people = async (db: ReturnType<typeof openDatabase>, id: string) => {
  const h = await openDoc(db, rooms.network(id), id, 'network');
  const out = readNetwork(h.doc).people;
  h.release();
  return out;
};

describe('?workspace=<id>&demo=<N>[&seed=<S>]', () => {
  it('fills an empty workspace with N demo people (seed 1 by default), deterministically', async () => {
    const db = freshDb();
    expect(await openLinkedWorkspace(db, new URLSearchParams('workspace=wk1&demo=50'))).toBe('wk1');
    const first = await people(db, 'wk1');
    expect(first).toHaveLength(50);
    expect((await db.workspaces.get('wk1'))?.name).toMatch(/50 people, seed 1/);
    const other = freshDb();
    await openLinkedWorkspace(other, new URLSearchParams('workspace=wk1&demo=50&seed=1'));
    expect(await people(other, 'wk1')).toEqual(first);
    db.close();
    other.close();
  });

  it('never overwrites a workspace that has data', async () => {
    const db = freshDb();
    await openLinkedWorkspace(db, new URLSearchParams('workspace=wk2&demo=20&seed=3'));
    const before = await people(db, 'wk2');
    await openLinkedWorkspace(db, new URLSearchParams('workspace=wk2&demo=80&seed=9'));
    expect(await people(db, 'wk2')).toEqual(before);
    db.close();
  });

  it('opens without demo data, ignores a missing parameter, and rejects bad values by name', async () => {
    const db = freshDb();
    expect(await openLinkedWorkspace(db, new URLSearchParams(''))).toBeNull();
    expect(await openLinkedWorkspace(db, new URLSearchParams('workspace=plain'))).toBe('plain');
    expect(await people(db, 'plain')).toHaveLength(0);
    await expect(openLinkedWorkspace(db, new URLSearchParams('workspace=bad id'))).rejects.toThrow(/\?workspace=bad id/);
    await expect(openLinkedWorkspace(db, new URLSearchParams('workspace=w&demo=-3'))).rejects.toThrow(/\?demo=-3/);
    await expect(openLinkedWorkspace(db, new URLSearchParams('workspace=w&demo=5&seed=x'))).rejects.toThrow(/\?seed=x/);
    db.close();
  });
});
