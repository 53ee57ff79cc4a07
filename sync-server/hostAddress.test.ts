import { describe, expect, it } from 'vitest';
import { hostForUrl, isLoopback } from './hostAddress';

describe('isLoopback', () => {
  it('knows loopback from reachable addresses', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) expect(isLoopback(h)).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.5', '10.0.0.1', 'example.org', '128.0.0.1']) expect(isLoopback(h)).toBe(false);
  });
  it('brackets IPv6 hosts for URLs', () => {
    expect(hostForUrl('::1')).toBe('[::1]');
    expect(hostForUrl('127.0.0.1')).toBe('127.0.0.1');
  });
});
