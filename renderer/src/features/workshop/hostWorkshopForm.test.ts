import { describe, expect, it } from 'vitest';
import { defaultInterface, interfaceLabel, parsePort } from './hostWorkshopForm';

describe('Host a workshop form', () => {
  it('accepts ports 1-65535 and explains anything else', () => {
    expect(parsePort(' 8080 ')).toEqual({ ok: true, port: 8080 });
    expect(parsePort('65535')).toEqual({ ok: true, port: 65535 });
    for (const bad of ['', '0', '65536', '80.5', '-1', 'eighty', '8080x']) expect(parsePort(bad).ok, bad).toBe(false);
    expect(parsePort('70000')).toEqual({ ok: false, error: expect.stringMatching(/between 1 and 65535/) });
  });

  it('offers a LAN interface first, loopback only when there is nothing else', () => {
    const lo = { name: 'lo', address: '127.0.0.1', family: 'IPv4' as const, internal: true };
    const eth = { name: 'eth0', address: '192.168.1.20', family: 'IPv4' as const, internal: false };
    expect(defaultInterface([lo, eth])).toBe('192.168.1.20');
    expect(defaultInterface([lo])).toBe('127.0.0.1');
    expect(defaultInterface([])).toBe('');
    expect(interfaceLabel(lo)).toBe('lo · 127.0.0.1 (this computer only)');
  });
});
