import { describe, expect, it } from 'vitest';
import { interpretKey } from './keymap';

const plain = { pendingG: false, view: 'people' as const, modifiers: false };

describe('keyboard shortcuts', () => {
  it('g then a letter goes to a view; an unknown letter does nothing', () => {
    expect(interpretKey('g', plain)).toEqual({ type: 'pending-g' });
    expect(interpretKey('m', { ...plain, pendingG: true })).toEqual({ type: 'go', view: 'map' });
    expect(interpretKey('j', { ...plain, pendingG: true })).toEqual({ type: 'go', view: 'projects' });
    expect(interpretKey('x', { ...plain, pendingG: true })).toBeNull();
  });
  it('? opens help; n adds a person only in People; modifiers are left to others', () => {
    expect(interpretKey('?', plain)).toEqual({ type: 'help' });
    expect(interpretKey('n', plain)).toEqual({ type: 'new-person' });
    expect(interpretKey('n', { ...plain, view: 'ties' })).toBeNull();
    expect(interpretKey('g', { ...plain, modifiers: true })).toBeNull();
  });
});
