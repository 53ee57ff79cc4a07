import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { splitRelayUrl } from './relayConnection';

export type RoomProbe = { status: 'found'; doc: Y.Doc } | { status: 'empty' } | { status: 'unreachable'; error: string };

/**
 * Asks a relay whether a room holds anything, without joining it: a throwaway document syncs with
 * the room (the y-websocket handshake, so any relay that speaks the protocol answers) and is then
 * dropped. Nothing is written locally and nothing is sent to the room. `found` hands over the
 * synced copy (the caller destroys it) so the caller can read, for example, the workspace's name.
 */
export function probeRoom(serverUrl: string, room: string, options: { timeoutMs?: number; WebSocketPolyfill?: unknown } = {}): Promise<RoomProbe> {
  const doc = new Y.Doc();
  let provider: WebsocketProvider;
  // a relay URL may carry a room token (`?token=`, a workshop link's): it goes where the relay reads it
  const { base, token } = splitRelayUrl(serverUrl);
  try {
    provider = new WebsocketProvider(base, room, doc, {
      ...(token ? { params: { token } } : {}),
      disableBc: true,
      maxBackoffTime: 1000,
      ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill as typeof WebSocket } : {}),
    });
  } catch (e) {
    doc.destroy();
    return Promise.resolve({ status: 'unreachable', error: (e as Error).message });
  }
  return new Promise<RoomProbe>((resolve) => {
    let lastError = 'no answer';
    const finish = (result: RoomProbe) => {
      clearTimeout(timer);
      provider.off('sync', onSync);
      provider.off('connection-close', onClose);
      provider.off('connection-error', onError);
      provider.destroy();
      if (result.status !== 'found') doc.destroy();
      resolve(result);
    };
    const onSync = (synced: boolean) => {
      if (!synced) return;
      finish(doc.store.clients.size > 0 ? { status: 'found', doc } : { status: 'empty' });
    };
    const onClose = (event: CloseEvent | null) => {
      if (event && event.code !== 1000 && event.code !== 1005) lastError = event.reason ? `closed: ${event.reason} (${event.code})` : `connection closed (${event.code})`;
    };
    const onError = () => {
      lastError = 'the connection failed';
    };
    const timer = setTimeout(() => finish({ status: 'unreachable', error: lastError }), options.timeoutMs ?? 5000);
    provider.on('sync', onSync);
    provider.on('connection-close', onClose);
    provider.on('connection-error', onError);
  });
}
