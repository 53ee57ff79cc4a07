import { describe, expect, it } from 'vitest';
import { holderOf, isRemovalAnswer, readRemoved, rememberRemoved, wasRemoved } from './removal';

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const token = (claims: Record<string, unknown>) => `${b64({ alg: 'HS256' })}.${b64(claims)}.sig`;
const memory = () => {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
};

describe('removal from a workshop, on this device', () => {
  const ana = token({ room: 'workshop-ab12.*', sub: 'p-ana', exp: 2_000_000_000, scope: 'rw' });
  const anaRenewed = token({ room: 'workshop-ab12.*', sub: 'p-ana', exp: 2_000_003_600, scope: 'rw' });
  const anaRejoined = token({ room: 'workshop-ab12.*', sub: 'p-ana2', exp: 2_000_000_000, scope: 'rw' });
  const elsewhere = token({ room: 'workshop-cd34.*', sub: 'p-ana', exp: 2_000_000_000, scope: 'rw' });

  it('tells the removal refusal from every other answer', () => {
    expect(isRemovalAnswer(403, { error: 'removed from the workshop by the facilitator', code: 'removed' })).toBe(true);
    expect(isRemovalAnswer(403, { error: 'token is for another room' })).toBe(false);
    expect(isRemovalAnswer(401, { error: 'expired', code: 'removed' })).toBe(false);
    expect(isRemovalAnswer(403, null)).toBe(false);
    expect(isRemovalAnswer(403, 'removed')).toBe(false);
  });

  it('remembers the holder, not the token: a renewed token of the removed person is removed too; rejoining (a new person) or another workshop is not', () => {
    const store = memory();
    expect(holderOf(ana)).toBe('workshop-ab12.*|p-ana');
    const removed = rememberRemoved(store, ana);
    expect(wasRemoved(removed, ana)).toBe(true);
    expect(wasRemoved(removed, anaRenewed)).toBe(true);
    expect(wasRemoved(removed, anaRejoined)).toBe(false);
    expect(wasRemoved(removed, elsewhere)).toBe(false);
    expect(wasRemoved(removed, null)).toBe(false);
    // a reload reads it back; remembering twice keeps one entry
    expect(readRemoved(store)).toEqual(['workshop-ab12.*|p-ana']);
    expect(rememberRemoved(store, anaRenewed)).toEqual(['workshop-ab12.*|p-ana']);
  });

  it('a token naming nobody is never taken for a removed person, and damaged storage reads as nothing removed', () => {
    const store = memory();
    expect(rememberRemoved(store, token({ room: 'workshop-ab12.*', exp: 1 }))).toEqual([]);
    expect(rememberRemoved(store, 'not-a-token')).toEqual([]);
    store.m.set('archipelago.workshop.removed', '{oops');
    expect(readRemoved(store)).toEqual([]);
    store.m.set('archipelago.workshop.removed', JSON.stringify([1, 'workshop-ab12.*|p-x', null]));
    expect(readRemoved(store)).toEqual(['workshop-ab12.*|p-x']);
  });

  it('keeps at most 50 holders, forgetting the oldest', () => {
    const store = memory();
    for (let i = 0; i < 55; i++) rememberRemoved(store, token({ room: 'workshop-ab12.*', sub: `p-${i}` }));
    const kept = readRemoved(store);
    expect(kept).toHaveLength(50);
    expect(kept[0]).toBe('workshop-ab12.*|p-5');
    expect(kept.at(-1)).toBe('workshop-ab12.*|p-54');
  });
});
