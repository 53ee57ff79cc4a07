import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { binaryFrame, frameSender } from './frame';

const servers: WebSocketServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    for (const c of server.clients) c.terminate();
    await new Promise((r) => server.close(r));
  }
});

/** A real ws server and client on loopback: the server's side of the connection, and what the client receives. */
async function pair(serverOptions: ConstructorParameters<typeof WebSocketServer>[0] = {}) {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1', ...serverOptions });
  servers.push(server);
  await new Promise((r) => server.once('listening', r));
  const accepted = new Promise<WebSocket>((r) => server.once('connection', r));
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`, { perMessageDeflate: true });
  const received: { data: Buffer; isBinary: boolean }[] = [];
  client.on('message', (data: Buffer, isBinary: boolean) => received.push({ data, isBinary }));
  await new Promise((r) => client.once('open', r));
  return { ws: await accepted, client, received };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe('frames built once per message', () => {
  it('arrive whole and in order among what ws frames itself, at every length encoding', async () => {
    const { ws, client, received } = await pair();
    const sender = frameSender(ws)!;
    expect(sender).not.toBeNull();
    // 7-bit, 16-bit and 64-bit payload lengths, each side of the 16 KiB join threshold, and empty
    const sizes = [0, 1, 125, 126, 16 * 1024, 16 * 1024 + 1, 65_535, 65_536, 300_000];
    const expected: string[] = [];
    sizes.forEach((size, i) => {
      const data = new Uint8Array(size).map((_, j) => (j * 7 + i) & 0xff);
      // a view into a larger buffer, as lib0's encoder hands them out
      const backing = Buffer.concat([Buffer.from([9, 9]), data, Buffer.from([9])]);
      const view = new Uint8Array(backing.buffer, backing.byteOffset + 2, size);
      sender.sendFrame(binaryFrame(view));
      expected.push(`b:${Buffer.from(data).toString('base64')}`);
      ws.send(`text ${i}`);
      expected.push(`t:text ${i}`);
    });
    await until(() => received.length === expected.length);
    expect(received.map((m) => (m.isBinary ? `b:${m.data.toString('base64')}` : `t:${m.data.toString()}`))).toEqual(expected);
    client.close();
  });

  it('a message is framed once however many connections it goes to', () => {
    const data = new Uint8Array([0, 2, 1, 7]);
    expect(binaryFrame(data)).toBe(binaryFrame(data));
    expect(binaryFrame(new Uint8Array([0, 2, 1, 7]))).not.toBe(binaryFrame(data));
  });

  it('a connection that negotiated compression, and a client socket (whose frames are masked), frame their own messages', async () => {
    const { ws, client } = await pair({ perMessageDeflate: true });
    expect(ws.extensions).toContain('permessage-deflate');
    expect(frameSender(ws)).toBeNull();
    client.close();
    const plain = await pair();
    expect(frameSender(plain.ws)).not.toBeNull();
    expect(frameSender(plain.client)).toBeNull();
    plain.client.close();
  });
});
