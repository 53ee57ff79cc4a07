import { describe, expect, it } from 'vitest';
import { parseRelayConfig } from './relayConfig';

describe('parseRelayConfig', () => {
  it('keeps the contract defaults', () => {
    expect(parseRelayConfig([], {})).toMatchObject({ port: 4455, host: '127.0.0.1', data: './relay-data', authSecret: undefined, insecure: false });
  });
  it('names the bad flag', () => {
    expect(() => parseRelayConfig(['--port', '70000'], {})).toThrow('--port must be ≤ 65535');
    expect(() => parseRelayConfig(['--port', 'x'], {})).toThrow('--port');
    expect(() => parseRelayConfig(['--nope'], {})).toThrow("Unknown option '--nope'");
    expect(() => parseRelayConfig(['--log-level', 'loud'], {})).toThrow('--log-level');
  });
  it('takes the secret from the environment, and needs one (or --insecure) off loopback', () => {
    expect(parseRelayConfig([], { ARCHIPELAGO_RELAY_SECRET: 's3cret' }).authSecret).toBe('s3cret');
    expect(() => parseRelayConfig(['--host', '0.0.0.0'], {})).toThrow(/without --auth-secret/);
    expect(parseRelayConfig(['--host', '0.0.0.0', '--insecure'], {}).insecure).toBe(true);
    expect(parseRelayConfig(['--host', '0.0.0.0'], { ARCHIPELAGO_RELAY_SECRET: 's' }).host).toBe('0.0.0.0');
    expect(() => parseRelayConfig(['--auth-secret', ''], {})).toThrow('--auth-secret must not be empty');
  });
  it('takes the balancers to trust for client addresses, and names a bad one', () => {
    expect(parseRelayConfig([], {}).trustProxy).toEqual([]);
    expect(parseRelayConfig(['--trust-proxy', '10.0.0.1,10.0.0.2'], {}).trustProxy).toEqual(['10.0.0.1', '10.0.0.2']);
    expect(() => parseRelayConfig(['--trust-proxy', 'balancer'], {})).toThrow('--trust-proxy takes IP addresses');
  });
});
