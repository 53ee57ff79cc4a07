import { describe, expect, it } from 'vitest';
import { parseDeviceRelays, readDeviceSettings, relaysOfSettings } from './deviceRelays';

describe('this device’s relays', () => {
  it('a list is normalised and kept in order; bad input is a clear error naming the relay', () => {
    expect(parseDeviceRelays(['ws://b.example:2/', 'wss://a.example'])).toEqual(['ws://b.example:2', 'wss://a.example']);
    expect(() => parseDeviceRelays([])).toThrow('give at least one relay');
    expect(() => parseDeviceRelays(['ws://a.example', 'https://b.example'])).toThrow(/^relay 2: the relay URL must start with ws:\/\/ or wss:\/\//);
    expect(() => parseDeviceRelays(['ws://a.example/', 'ws://a.example'])).toThrow('relay 2: ws://a.example is listed twice');
    expect(() => parseDeviceRelays('ws://a.example')).toThrow();
  });

  it('a settings object of the current shape, or of an earlier one (one relayUrl, read as a list of one)', () => {
    expect(readDeviceSettings({ relayUrls: ['ws://a.example:1'] })).toEqual({ relayUrls: ['ws://a.example:1'], legacy: false });
    expect(readDeviceSettings({ relayUrls: null })).toEqual({ relayUrls: null, legacy: false });
    expect(readDeviceSettings({ relayUrl: 'ws://a.example:1/' })).toEqual({ relayUrls: ['ws://a.example:1'], legacy: true });
    expect(readDeviceSettings({ relayUrl: null })).toEqual({ relayUrls: null, legacy: true });
    expect(readDeviceSettings({ relayUrls: [] })).toBeNull();
    expect(readDeviceSettings({ relayUrl: 'http://x' })).toBeNull();
    expect(readDeviceSettings('nonsense')).toBeNull();
  });

  it('the renderer reads what a platform gives leniently: either shape, tokens kept, none named is undefined', () => {
    expect(relaysOfSettings({ relayUrls: ['ws://a:1/?token=t', 'ws://b:2'] })).toEqual(['ws://a:1/?token=t', 'ws://b:2']);
    expect(relaysOfSettings({ relayUrls: null })).toBeNull();
    expect(relaysOfSettings({ relayUrls: [] })).toBeNull();
    expect(relaysOfSettings({ relayUrl: 'ws://a:1' })).toEqual(['ws://a:1']);
    expect(relaysOfSettings({ relayUrl: null })).toBeNull();
    expect(relaysOfSettings({})).toBeUndefined();
    expect(relaysOfSettings(null)).toBeUndefined();
  });
});
