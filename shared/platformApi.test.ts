import { describe, expect, it } from 'vitest';
import { initialRelay } from './platformApi';

describe('which relay a page syncs with', () => {
  it('is the user’s choice, else the relay its launcher started, else none: never a guess', () => {
    expect(initialRelay(undefined, null)).toBeNull();
    expect(initialRelay(undefined, 'ws://127.0.0.1:4456')).toBe('ws://127.0.0.1:4456');
    expect(initialRelay('ws://relay.example:4455', 'ws://127.0.0.1:4456')).toBe('ws://relay.example:4455');
    expect(initialRelay(null, 'ws://127.0.0.1:4456')).toBeNull();
    expect(initialRelay(undefined, 'javascript:alert(1)')).toBeNull();
  });
});
