import { describe, expect, it } from 'vitest';
import type { RoomProbe } from './probeRoom';
import { probeRelays } from './probeRelays';

describe('asking this device’s relays, in order, for a room', () => {
  const answers: Record<string, RoomProbe> = {
    'ws://dead:1': { status: 'unreachable', error: 'no answer' },
    'ws://down:2': { status: 'unreachable', error: 'connection closed (1006)' },
    'ws://live:3': { status: 'empty' },
  };
  const asked: string[] = [];
  const probe = async (url: string) => (asked.push(url), answers[url]);

  it('passes over relays that cannot be reached; the first that answers decides', async () => {
    asked.length = 0;
    expect(await probeRelays(['ws://dead:1', 'ws://live:3', 'ws://down:2'], 'w.workspace', { probe })).toEqual({ probe: { status: 'empty' }, relay: 'ws://live:3' });
    expect(asked).toEqual(['ws://dead:1', 'ws://live:3']);
  });

  it('when none answers, the error names each relay', async () => {
    expect(await probeRelays(['ws://dead:1', 'ws://down:2'], 'w.workspace', { probe })).toEqual({
      probe: { status: 'unreachable', error: 'ws://dead:1: no answer; ws://down:2: connection closed (1006)' },
      relay: 'ws://down:2',
    });
    expect(await probeRelays(['ws://dead:1'], 'w.workspace', { probe })).toEqual({ probe: { status: 'unreachable', error: 'no answer' }, relay: 'ws://dead:1' });
    await expect(probeRelays([], 'w.workspace', { probe })).rejects.toThrow('no relay');
  });
});
