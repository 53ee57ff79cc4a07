import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { RelayConnection, type PendingStore } from '../../renderer/src/sync/relayConnection';

/** An official y-websocket client in Node (WebSocketPolyfill from ws, no BroadcastChannel). */
export function officialClient(url: string, room: string, doc = new Y.Doc(), params?: Record<string, string>) {
  const provider = new WebsocketProvider(url, room, doc, { WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true, params });
  return { doc, provider, destroy: () => (provider.destroy(), doc.destroy()) };
}

/** Archipelago's client: the official provider plus acknowledgement tracking. */
export function appClient(url: string, room: string, doc = new Y.Doc(), pending?: PendingStore) {
  const conn = new RelayConnection(doc, { serverUrl: url, room, WebSocketPolyfill: WebSocket, pending });
  return { doc, conn, destroy: () => (conn.destroy(), doc.destroy()) };
}

export function until(check: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  return new Promise((resolve, reject) => {
    const start = Date.now();
    const tick = () => {
      if (check()) return resolve();
      if (Date.now() - start > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 20);
    };
    tick();
  });
}

/** Opens a raw websocket: resolves 'open', or the HTTP status and body the upgrade was refused with. */
export function tryUpgrade(url: string, headers?: Record<string, string>): Promise<'open' | { status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, headers ? { headers } : undefined);
    ws.once('unexpected-response', (req, res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    ws.once('open', () => {
      ws.close();
      resolve('open');
    });
    ws.once('error', reject);
  });
}
