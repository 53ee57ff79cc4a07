import { describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET, makeJoinCode, normaliseJoinCode } from './joinCode';

describe('join codes', () => {
  it('are six unambiguous characters, spread over the alphabet', () => {
    let seed = 7;
    const bytes = (n: number) => Uint8Array.from({ length: n }, () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 255);
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const code = makeJoinCode(bytes);
      expect(code).toMatch(/^[A-Z2-9]{6}$/);
      for (const ch of code) seen.add(ch);
    }
    expect(seen.size).toBe(JOIN_CODE_ALPHABET.length);
    for (const ch of '01OIL') expect(seen.has(ch)).toBe(false);
  });
  it('reads what people type', () => {
    expect(normaliseJoinCode('abc-def')).toBe('ABCDEF');
    expect(normaliseJoinCode(' k7m 2pq ')).toBe('K7M2PQ');
    expect(normaliseJoinCode('ABCDE')).toBeNull();
    expect(normaliseJoinCode('ABCDE0')).toBeNull();
  });
});
