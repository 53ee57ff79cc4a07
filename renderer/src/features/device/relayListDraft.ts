import { MAX_DEVICE_RELAYS, parseDeviceRelays } from '../../../../shared/deviceRelays';
import { normaliseRelayUrl } from '../../../../shared/platformApi';
import { splitRelayUrl } from '../../sync/relayConnection';

/**
 * Editing this device's relays: pure steps on the list a person sees (each relay without its token),
 * with the rules of the settings file (shared/deviceRelays.ts): ws:// or wss:// URLs, none twice, at
 * most MAX_DEVICE_RELAYS. An empty list means "stay on this device".
 */

/** The list as shown and edited: each relay's URL without a room token. */
export const editableRelays = (relays: readonly string[]) => relays.map((r) => splitRelayUrl(r).base);

/** Adds a typed relay at the end, or throws a clear error (nothing changes). */
export function addRelay(list: readonly string[], text: string): string[] {
  if (!text.trim()) throw new Error('type a relay URL to add, e.g. wss://relay.example.org');
  const url = normaliseRelayUrl(text);
  if (list.includes(url)) throw new Error(`${url} is already in the list`);
  if (list.length >= MAX_DEVICE_RELAYS) throw new Error(`at most ${MAX_DEVICE_RELAYS} relays`);
  return [...list, url];
}

export const removeRelay = (list: readonly string[], i: number) => list.filter((_, j) => j !== i);

/** Moves relay `i` to the front: it is tried first. */
export const putFirst = (list: readonly string[], i: number) => (i <= 0 || i >= list.length ? [...list] : [list[i], ...list.filter((_, j) => j !== i)]);

/** Moves relay `i` one place up. */
export function moveUp(list: readonly string[], i: number): string[] {
  if (i <= 0 || i >= list.length) return [...list];
  const next = [...list];
  [next[i - 1], next[i]] = [next[i], next[i - 1]];
  return next;
}

/**
 * The list to save: the edited one, plus a relay still typed in the add box, checked whole by the
 * settings file's rules (a clear error names the relay at fault). A relay the device already had keeps
 * its room token (never shown). Empty: stay on this device.
 */
export function relaysToSave(list: readonly string[], typed: string, current: readonly string[]): string[] {
  const edited = typed.trim() ? addRelay(list, typed) : [...list];
  if (edited.length === 0) return [];
  const valid = parseDeviceRelays(edited);
  return valid.map((base) => current.find((c) => splitRelayUrl(c).base === base) ?? base);
}
