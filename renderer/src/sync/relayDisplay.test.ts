import { describe, expect, it } from 'vitest';
import { syncExplanation } from '../components/SyncIndicator';
import { OFFLINE_STATE } from './relayConnection';
import { editableRelayUrl, shownRelayUrl } from './relayDisplay';

const url = 'ws://192.168.1.20:8080/?token=eyJhbGciOiJIUzI1NiJ9.eyJyb29tIjoidyoifQ.c2lnbmF0dXJl';

describe('relay URLs on screen', () => {
  it('never show the token', () => {
    expect(shownRelayUrl(url)).toBe('ws://192.168.1.20:8080 (with an access token)');
    expect(shownRelayUrl('ws://127.0.0.1:4455')).toBe('ws://127.0.0.1:4455');
    expect(editableRelayUrl(url)).toBe('ws://192.168.1.20:8080');
    for (const status of ['synced', 'connecting', 'unreachable', 'offline'] as const) {
      const text = syncExplanation({ ...OFFLINE_STATE, status, lastError: 'refused (code 4403)' }, url, 0, 0).join(' ');
      expect(text).toContain('ws://192.168.1.20:8080');
      expect(text).not.toContain('eyJ');
      expect(text).not.toContain('token=');
    }
  });
});

describe('the sync explanation', () => {
  it('counts waiting changes in words that agree with the count', () => {
    const say = (state: Partial<typeof OFFLINE_STATE>, unconfirmed: number) => syncExplanation({ ...OFFLINE_STATE, ...state, unconfirmed }, 'ws://127.0.0.1:4455', 0, 0).join(' ');
    expect(say({ refused: 'your access is read-only here' }, 1)).toContain('1 change made here is kept on this device and will be sent if access is given again.');
    expect(say({ refused: 'your access is read-only here' }, 3)).toContain('3 changes made here are kept on this device and will be sent if access is given again.');
    expect(say({ status: 'unreachable' }, 1)).toContain('1 change made here is kept on this device and will be sent when the relay answers.');
    expect(say({ status: 'offline' }, 2)).toContain('2 changes made here are kept on this device and will be sent when the relay answers.');
    expect(say({ status: 'synced' }, 1)).toContain('1 change not yet confirmed by the relay.');
  });
});
