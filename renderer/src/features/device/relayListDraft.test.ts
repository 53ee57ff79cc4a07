import { describe, expect, it } from 'vitest';
import { addRelay, editableRelays, moveUp, putFirst, relaysToSave, removeRelay } from './relayListDraft';

describe('editing this device’s relays', () => {
  const list = ['ws://a.example:1', 'ws://b.example:2', 'wss://c.example'];

  it('adds (normalised, at the end), removes, puts first and moves up', () => {
    expect(addRelay(list.slice(0, 2), ' wss://c.example/ ')).toEqual(list);
    expect(removeRelay(list, 1)).toEqual(['ws://a.example:1', 'wss://c.example']);
    expect(putFirst(list, 2)).toEqual(['wss://c.example', 'ws://a.example:1', 'ws://b.example:2']);
    expect(putFirst(list, 0)).toEqual(list);
    expect(moveUp(list, 1)).toEqual(['ws://b.example:2', 'ws://a.example:1', 'wss://c.example']);
    expect(moveUp(list, 0)).toEqual(list);
  });

  it('refuses a bad or repeated relay with a clear error', () => {
    expect(() => addRelay(list, 'http://d.example')).toThrow('must start with ws:// or wss://');
    expect(() => addRelay(list, 'ws://b.example:2/')).toThrow('ws://b.example:2 is already in the list');
    expect(() => addRelay(list, '  ')).toThrow('type a relay URL');
    expect(() => addRelay(Array.from({ length: 8 }, (_, i) => `ws://r${i}.example`), 'ws://x.example')).toThrow('at most 8 relays');
  });

  it('saves the list with what is still typed, keeps a known relay’s token, and an empty list means no relay', () => {
    const current = ['ws://a.example:1/?token=secret', 'ws://b.example:2'];
    expect(editableRelays(current)).toEqual(['ws://a.example:1', 'ws://b.example:2']);
    expect(relaysToSave(['ws://b.example:2', 'ws://a.example:1'], 'wss://c.example', current)).toEqual(['ws://b.example:2', 'ws://a.example:1/?token=secret', 'wss://c.example']);
    expect(relaysToSave([], '', current)).toEqual([]);
    expect(() => relaysToSave(['ws://a.example:1'], 'ftp://x', current)).toThrow('must start with ws://');
  });
});
