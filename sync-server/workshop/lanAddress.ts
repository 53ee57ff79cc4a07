import { networkInterfaces } from 'node:os';

/**
 * The address participants should use: the bound host, or, when bound to every interface, this
 * machine's first LAN IPv4 address (falling back to loopback when there is none).
 */
export function reachableHost(bound: string, interfaces = networkInterfaces()): string {
  if (bound !== '0.0.0.0' && bound !== '::') return bound;
  for (const list of Object.values(interfaces)) {
    for (const i of list ?? []) if (i.family === 'IPv4' && !i.internal) return i.address;
  }
  return '127.0.0.1';
}
