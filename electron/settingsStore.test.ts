import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsStore } from './settingsStore';

describe('the desktop settings file: this device’s relays, as an ordered list', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'archipelago-settings-'));
    file = join(dir, 'settings.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const onDisk = () => JSON.parse(readFileSync(file, 'utf8'));

  it('a fresh install stays on this device; a list is saved in order, normalised, and read back', () => {
    const store = new SettingsStore(file);
    expect(store.read()).toEqual({ relayUrls: null });
    expect(store.update({ relayUrls: ['wss://relay-b.example.org/', 'ws://10.0.0.5:4455'] })).toEqual({ relayUrls: ['wss://relay-b.example.org', 'ws://10.0.0.5:4455'] });
    expect(onDisk()).toEqual({ relayUrls: ['wss://relay-b.example.org', 'ws://10.0.0.5:4455'] });
    expect(new SettingsStore(file).read()).toEqual({ relayUrls: ['wss://relay-b.example.org', 'ws://10.0.0.5:4455'] });
    expect(store.update({ relayUrls: null })).toEqual({ relayUrls: null });
    expect(onDisk()).toEqual({ relayUrls: null });
  });

  it('bad input gets a clear error naming the relay, and nothing is written', () => {
    const store = new SettingsStore(file);
    store.update({ relayUrls: ['ws://a.example:1'] });
    const before = readFileSync(file, 'utf8');
    const refused: [unknown, RegExp][] = [
      [{ relayUrls: [] }, /^relays: give at least one relay/],
      [{ relayUrls: ['ws://a.example:1', 'http://b.example:2'] }, /^relays: relay 2: the relay URL must start with ws:\/\/ or wss:\/\/, not http:/],
      [{ relayUrls: ['ws://a.example:1', 'ws://a.example:1/'] }, /^relays: relay 2: ws:\/\/a\.example:1 is listed twice/],
      [{ relayUrls: ['not a url'] }, /^relays: relay 1: "not a url" is not a URL/],
      [{ relayUrls: ['ws://a.example:1/?token=x'] }, /^relays: relay 1: the relay URL takes no query/],
      [{ relayUrls: Array.from({ length: 9 }, (_, i) => `ws://r${i}.example:1`) }, /^relays: at most 8 relays/],
      [{ relayUrls: 'ws://a.example:1' }, /^relays: /],
      [{ relayUrl: 'ws://a.example:1' }, /^settings: .*relayUrl/],
      [null, /^settings: /],
    ];
    for (const [patch, message] of refused) {
      expect(() => store.update(patch), JSON.stringify(patch)).toThrow(message);
      expect(readFileSync(file, 'utf8')).toBe(before);
    }
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('an earlier single-relay file is read as a list of one and rewritten in the current shape', () => {
    writeFileSync(file, JSON.stringify({ relayUrl: 'ws://10.0.0.5:4455/' }));
    expect(new SettingsStore(file).read()).toEqual({ relayUrls: ['ws://10.0.0.5:4455'] });
    expect(onDisk()).toEqual({ relayUrls: ['ws://10.0.0.5:4455'] });
    writeFileSync(file, JSON.stringify({ relayUrl: null }));
    expect(new SettingsStore(file).read()).toEqual({ relayUrls: null });
    expect(onDisk()).toEqual({ relayUrls: null });
  });

  it('an unreadable or invalid file reads as the defaults and is left alone until the next save', () => {
    for (const content of ['{ not json', JSON.stringify({ relayUrls: ['http://x.example'] }), JSON.stringify({ relayUrls: [] }), JSON.stringify({ relayUrl: 'ftp://x' })]) {
      writeFileSync(file, content);
      expect(new SettingsStore(file).read()).toEqual({ relayUrls: null });
      expect(readFileSync(file, 'utf8')).toBe(content);
    }
    expect(new SettingsStore(file).update({ relayUrls: ['ws://ok.example:1'] })).toEqual({ relayUrls: ['ws://ok.example:1'] });
  });
});
