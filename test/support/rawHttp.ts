import { connect } from 'node:net';

/**
 * Sends one raw HTTP/1.1 request line as given (no client-side normalising or escaping, unlike
 * fetch) and resolves with the status code and body, or 0 if the connection closed without a
 * response.
 */
export function rawRequest(port: number, target: string, method = 'GET'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = Buffer.alloc(0);
    socket.on('data', (d) => (data = Buffer.concat([data, d])));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = data.toString('latin1');
      const m = /^HTTP\/1\.1 (\d{3})/.exec(text);
      resolve({ status: m ? Number(m[1]) : 0, body: text.slice(text.indexOf('\r\n\r\n') + 4) });
    });
    socket.write(`${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`, 'latin1');
  });
}
