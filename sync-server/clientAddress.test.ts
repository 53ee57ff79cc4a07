import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustedProxies } from './clientAddress';

const req = (remoteAddress: string, xff?: string | string[]) => ({ socket: { remoteAddress }, headers: xff === undefined ? {} : { 'x-forwarded-for': xff } }) as Parameters<typeof clientAddress>[0];

describe('clientAddress', () => {
  const lb = new Set(['10.0.0.1', '10.0.0.2']);
  it('is the socket address when no proxy is trusted, whatever the client sends', () => {
    expect(clientAddress(req('203.0.113.7', '198.51.100.1'), new Set())).toBe('203.0.113.7');
    expect(clientAddress(req('::ffff:203.0.113.7'), new Set())).toBe('203.0.113.7');
  });
  it('reads the client a trusted balancer forwarded, from the right, skipping trusted hops', () => {
    expect(clientAddress(req('10.0.0.1', '198.51.100.9'), lb)).toBe('198.51.100.9');
    expect(clientAddress(req('::ffff:10.0.0.1', '198.51.100.9, 10.0.0.2'), lb)).toBe('198.51.100.9');
    expect(clientAddress(req('10.0.0.1', ['198.51.100.9', '10.0.0.2']), lb)).toBe('198.51.100.9');
  });
  it('never believes what a client wrote to the left of the trusted hop', () => {
    // the client sent "X-Forwarded-For: 1.2.3.4"; the balancer appended the real address
    expect(clientAddress(req('10.0.0.1', '1.2.3.4, 198.51.100.9'), lb)).toBe('198.51.100.9');
    // a connection straight from a client (not a trusted proxy) is never read from the header
    expect(clientAddress(req('198.51.100.9', '1.2.3.4'), lb)).toBe('198.51.100.9');
  });
  it('stops at the last trusted hop on garbage or a missing header', () => {
    expect(clientAddress(req('10.0.0.1', 'not-an-ip'), lb)).toBe('10.0.0.1');
    expect(clientAddress(req('10.0.0.1'), lb)).toBe('10.0.0.1');
    expect(clientAddress(req('10.0.0.1', '10.0.0.2'), lb)).toBe('10.0.0.2');
  });
  it('takes a comma-separated list of addresses, and names a bad one', () => {
    expect(parseTrustedProxies(undefined)).toEqual([]);
    expect(parseTrustedProxies('10.0.0.1, ::1,::ffff:10.0.0.3')).toEqual(['10.0.0.1', '::1', '10.0.0.3']);
    expect(() => parseTrustedProxies('10.0.0.1,lb.local')).toThrow('--trust-proxy takes IP addresses separated by commas (got "lb.local")');
    expect(() => parseTrustedProxies('')).toThrow('--trust-proxy');
  });
});
