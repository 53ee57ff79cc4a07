import { createServer, type Server } from 'node:http';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { memoryPersistence } from './persistence';
import { createRelayHandler, type RelayHandler } from './relayHandler';

let server: Server | undefined;
let handler: RelayHandler | undefined;
afterEach(async () => {
  await handler?.close();
  server?.closeAllConnections();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  server = handler = undefined;
});

describe('the relay as mountable handlers', () => {
  it('shares one port with a host that serves its own pages', async () => {
    handler = createRelayHandler({ persistence: memoryPersistence(), logger: pino({ level: 'silent' }) });
    const h = handler;
    server = createServer((req, res) => {
      if (h.handleRequest(req, res)) return;
      res.end('the host page');
    });
    server.on('upgrade', h.handleUpgrade);
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const base = `127.0.0.1:${(server.address() as { port: number }).port}`;
    expect(await (await fetch(`http://${base}/`)).text()).toBe('the host page');
    expect(await (await fetch(`http://${base}/healthz`)).json()).toMatchObject({ ok: true, rooms: 0 });
    const docs = [new Y.Doc(), new Y.Doc()];
    const providers = docs.map((d) => new WebsocketProvider(`ws://${base}`, 'shared', d, { WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true }));
    docs[0].getText('t').insert(0, 'one port');
    await new Promise<void>((resolve) => {
      const check = () => (docs[1].getText('t').toString() === 'one port' ? resolve() : setTimeout(check, 20));
      check();
    });
    expect(h.stats()).toEqual({ rooms: 1, connections: 2 });
    providers.forEach((p) => p.destroy());
    docs.forEach((d) => d.destroy());
  });
});
