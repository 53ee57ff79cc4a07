import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** One client's entry in an awareness update (y-protocols' encoding): its id, clock and JSON state. */
export interface PresenceEntry {
  client: number;
  clock: number;
  /** The state as JSON; `null` when the client left. */
  json: string;
}

/** The entries of an awareness update. Throws on a malformed one, as applyAwarenessUpdate would. */
export function presenceEntries(update: Uint8Array): PresenceEntry[] {
  const d = decoding.createDecoder(update);
  const n = decoding.readVarUint(d);
  const entries: PresenceEntry[] = [];
  for (let i = 0; i < n; i++) entries.push({ client: decoding.readVarUint(d), clock: decoding.readVarUint(d), json: decoding.readVarString(d) });
  return entries;
}

export function encodePresenceEntries(entries: readonly PresenceEntry[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const { client, clock, json } of entries) {
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, json);
  }
  return encoding.toUint8Array(e);
}

/** Who sends presence for a client id: a connection, with its access. */
export interface PresenceSender {
  readonly scope: 'rw' | 'r';
  readonly subject?: string;
}

/**
 * Whether `sender` may set (or clear) the presence of a client id that `owner` set last (undefined:
 * nobody here; 'remote': a client of another relay). A read-write connection may: it could rewrite
 * the document anyway, and a client reconnecting before its old socket times out needs to. A
 * read-only one may only take over its own (same token subject), so it cannot change, or clear,
 * anyone else's presence.
 */
export function mayClaimPresence(sender: PresenceSender, owner: PresenceSender | 'remote' | undefined): boolean {
  if (owner === undefined || owner === sender || sender.scope === 'rw') return true;
  return owner !== 'remote' && owner.subject !== undefined && owner.subject === sender.subject;
}
