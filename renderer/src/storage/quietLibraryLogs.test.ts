import { describe, expect, it, vi } from 'vitest';
import { quietLibraryLogs } from './quietLibraryLogs';

describe('library log filter', () => {
  it('drops only y-dexie’s routine release line', () => {
    const debug = vi.fn();
    const target = { debug };
    quietLibraryLogs(target);
    quietLibraryLogs(target); // idempotent
    target.debug('Y.Doc demo.network was destroyed');
    target.debug('Y.Doc was destroyed before loaded');
    target.debug('something else', 1);
    expect(debug.mock.calls).toEqual([['Y.Doc was destroyed before loaded'], ['something else', 1]]);
  });
});
