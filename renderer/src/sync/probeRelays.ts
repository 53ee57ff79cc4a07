import { probeRoom, type RoomProbe } from './probeRoom';

/**
 * Asks this device's relays, in order, whether a room holds anything: the first relay that answers
 * decides (found or empty), as the failover of a connection would; a relay that cannot be reached is
 * passed over. `relay` is the one that answered, or the last one tried; when none answers, the error
 * names each relay.
 */
export async function probeRelays(
  relays: readonly string[],
  room: string,
  options: { timeoutMs?: number; WebSocketPolyfill?: unknown; probe?: typeof probeRoom } = {},
): Promise<{ probe: RoomProbe; relay: string }> {
  if (relays.length === 0) throw new Error('no relay to ask');
  const probe = options.probe ?? probeRoom;
  const errors: string[] = [];
  for (const relay of relays) {
    const answer = await probe(relay, room, options);
    if (answer.status !== 'unreachable') return { probe: answer, relay };
    errors.push(relays.length > 1 ? `${relay}: ${answer.error}` : answer.error);
  }
  return { probe: { status: 'unreachable', error: errors.join('; ') }, relay: relays[relays.length - 1] };
}
