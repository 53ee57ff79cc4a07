import { describe, expect, it } from 'vitest';
import { refusalForClose, tokenExpiry, tokenProblem } from './refusal';

const b64 = (o: unknown) => btoa(JSON.stringify(o)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const token = (claims: object) => `${b64({ alg: 'HS256' })}.${b64(claims)}.sig`;

describe('refusals in words', () => {
  it('names the close codes a relay refuses with after the upgrade', () => {
    expect(refusalForClose(4403)).toContain('read-only');
    expect(refusalForClose(4401)).toContain('no longer accepts');
    expect(refusalForClose(4429)).toContain('faster');
    expect(refusalForClose(1006)).toBeNull();
  });
  it('reads an expired token, or one for another room, from the token itself', () => {
    const now = 1_800_000_000_000;
    expect(tokenProblem(token({ room: 'ws-1.*', exp: now / 1000 - 1 }), 'ws-1.network', now)).toMatch(/^the access token expired at /);
    expect(tokenProblem(token({ room: 'ws-2.*', exp: now / 1000 + 60 }), 'ws-1.network', now)).toBe('the access token is for "ws-2.*", not this workspace');
    expect(tokenProblem(token({ room: 'ws-1.network', exp: now / 1000 + 60 }), 'ws-1.network', now)).toBeNull();
    expect(tokenProblem('garbage', 'ws-1.network', now)).toContain('not readable');
    expect(tokenExpiry(token({ exp: 100 }))).toBe(100_000);
  });
});
