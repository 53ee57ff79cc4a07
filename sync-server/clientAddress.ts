import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** `::ffff:10.0.0.1` (an IPv4 address on an IPv6 socket) is `10.0.0.1`. */
const plain = (address: string) => (address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address);

/**
 * The address per-address limits count a connection against. Behind a load balancer every
 * connection comes from the balancer, so the limits would hold every client together: for a
 * connection from one of `trustedProxies`, the client is read from `X-Forwarded-For`, from the right,
 * skipping the trusted proxies. Only the entries trusted proxies appended are believed; the left
 * part of the header is whatever the client sent, so it is never reached while a trusted hop stands
 * in between. An entry that is not an IP address stops the walk at the last trusted hop.
 */
export function clientAddress(req: Pick<IncomingMessage, 'headers' | 'socket'>, trustedProxies: ReadonlySet<string>): string {
  let address = plain(req.socket.remoteAddress ?? 'unknown');
  if (trustedProxies.size === 0 || !trustedProxies.has(address)) return address;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((s) => s.trim()).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = plain(hops[i]);
    if (!isIP(hop)) return address;
    address = hop;
    if (!trustedProxies.has(hop)) return hop;
  }
  return address;
}

/** `--trust-proxy`: comma-separated IP addresses of the balancers in front of the relay. */
export function parseTrustedProxies(value: string | undefined): string[] {
  if (value === undefined) return [];
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.find((a) => !isIP(a));
  if (bad !== undefined || list.length === 0) throw new Error(`--trust-proxy takes IP addresses separated by commas (got "${bad ?? value}")`);
  return list.map(plain);
}
