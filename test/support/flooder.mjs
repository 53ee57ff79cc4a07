// A flooding client for the relay's limit tests, in its own process (so its CPU use does not slow
// the measuring test): it connects to a room and sends real Yjs updates as fast as the socket
// takes them; when the relay closes or refuses it, it tries again after RETRY_MS, until killed.
// Usage: node test/support/flooder.mjs ws://127.0.0.1:PORT/room [updateBytes] [localAddress]
// (a local address such as 127.0.0.2 makes it a different client address to the relay, whose
// per-address limits and penalty then start afresh)
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';

const [url, sizeArg, localAddress] = process.argv.slice(2);
const size = Number(sizeArg ?? 1024);
const RETRY_MS = 50;
const doc = new Y.Doc();
let sent = 0;
let closes = 0;
const message = () => {
  const before = Y.encodeStateVector(doc);
  doc.getMap('m').set(`k${sent % 1000}`, 'x'.repeat(size));
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc, before));
  return encoding.toUint8Array(e);
};
const connect = () => {
  const ws = new WebSocket(url, localAddress ? { localAddress } : {});
  let open = false;
  const pump = () => {
    if (!open) return;
    // keep the socket's own buffer small, but always full; when the relay stops reading, wait
    // without spinning (this process shares the test machine's CPU with the relay it floods)
    if (ws.bufferedAmount >= 256 * 1024) return void setTimeout(pump, 2);
    while (ws.bufferedAmount < 256 * 1024) {
      ws.send(message());
      sent++;
    }
    setImmediate(pump);
  };
  ws.on('open', () => {
    open = true;
    pump();
  });
  ws.on('error', () => {});
  ws.on('close', (code) => {
    open = false;
    closes++;
    process.stdout.write(`closed ${code}\n`);
    setTimeout(connect, RETRY_MS);
  });
  ws.on('unexpected-response', (_req, res) => {
    process.stdout.write(`refused ${res.statusCode}\n`);
    res.resume();
    setTimeout(connect, RETRY_MS);
  });
};
connect();
process.on('SIGTERM', () => {
  process.stdout.write(`sent ${sent} closes ${closes}\n`);
  process.exit(0);
});
