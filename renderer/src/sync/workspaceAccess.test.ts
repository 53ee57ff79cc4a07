import { describe, expect, it } from 'vitest';
import { accessFromLink, addressWithoutToken, effectiveRelayUrls, linkMayStoreAccess, parseRelayList, parseToken, renewalDue, WorkspaceAccessSchema, workshopRenewUrl } from './workspaceAccess';

const b64 = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const jwt = (claims: object) => `${b64({ alg: 'HS256' })}.${b64(claims)}.c2ln`;

describe('a workspace’s relay access', () => {
  it('parses a typed list of relays: commas, spaces or lines, normalised, without repeats', () => {
    expect(parseRelayList(' ws://a:1, wss://b.example.org/\nws://a:1  ')).toEqual(['ws://a:1', 'wss://b.example.org']);
    expect(parseRelayList('')).toEqual([]);
    expect(() => parseRelayList('http://a:1')).toThrow('ws:// or wss://');
    expect(() => parseRelayList('ws://a:1?token=x')).toThrow('no query');
  });

  it('takes a pasted token, and refuses what is not one without echoing it', () => {
    const t = jwt({ room: 'w1.*', exp: 2_000_000_000 });
    expect(parseToken(`  ${t}\n`)).toBe(t);
    expect(() => parseToken('secret-but-not-a-jwt')).toThrow(/not an access token/);
    try {
      parseToken('secret-but-not-a-jwt');
    } catch (e) {
      expect((e as Error).message).not.toContain('secret-but-not-a-jwt');
    }
  });

  it('the URLs a workspace uses: its own relays with its token, else the device relay with it', () => {
    const t = jwt({ room: 'w1.*', exp: 2_000_000_000 });
    expect(effectiveRelayUrls('ws://dev:1', null)).toEqual(['ws://dev:1']);
    expect(effectiveRelayUrls(null, null)).toEqual([]);
    expect(effectiveRelayUrls('ws://dev:1', { relays: [], token: t, renewUrl: null })).toEqual([`ws://dev:1/?token=${t}`]);
    expect(effectiveRelayUrls('ws://dev:1', { relays: ['ws://a:1', 'ws://b:2'], token: t, renewUrl: null })).toEqual([`ws://a:1/?token=${t}`, `ws://b:2/?token=${t}`]);
    expect(effectiveRelayUrls(`ws://dev:1/?token=old`, { relays: [], token: null, renewUrl: null })).toEqual(['ws://dev:1/?token=old']);
    // this device's relays, a list in order: a workspace without relays of its own (a new one) uses them all
    expect(effectiveRelayUrls(['ws://dev:1', 'ws://dev:2'], null)).toEqual(['ws://dev:1', 'ws://dev:2']);
    expect(effectiveRelayUrls(['ws://dev:1', 'ws://dev:2'], { relays: [], token: t, renewUrl: null })).toEqual([`ws://dev:1/?token=${t}`, `ws://dev:2/?token=${t}`]);
    expect(effectiveRelayUrls(['ws://dev:1', 'ws://dev:2'], { relays: ['ws://a:1'], token: t, renewUrl: null })).toEqual([`ws://a:1/?token=${t}`]);
    expect(effectiveRelayUrls([], null)).toEqual([]);
  });

  it('a workshop link’s token becomes the linked workspace’s access, renewable at the host, and leaves the address', () => {
    const t = jwt({ room: 'w1.*', exp: 2_000_000_000 });
    const params = new URLSearchParams({ workspace: 'w1', relay: `ws://10.0.0.5:8080/?token=${t}`, workshop: 'participant', name: 'Ana' });
    expect(accessFromLink(params)).toEqual({ workspaceId: 'w1', access: { relays: ['ws://10.0.0.5:8080'], token: t, renewUrl: 'http://10.0.0.5:8080/workshop/token' } });
    expect(accessFromLink(new URLSearchParams({ workspace: 'w1', relay: 'ws://a:1' }))).toBeNull();
    expect(accessFromLink(new URLSearchParams({ relay: `ws://a:1/?token=${t}` }))).toBeNull();
    const href = `http://10.0.0.5:8080/?${params}#/workspaces`;
    const clean = addressWithoutToken(href);
    expect(clean).not.toContain(t);
    expect(clean).not.toContain('token');
    expect(new URL(clean).searchParams.get('workshop')).toBe('participant');
    expect(new URL(clean).hash).toBe('#/workspaces');
    expect(addressWithoutToken('http://h/?relay=ws%3A%2F%2Fa%3A1#/people')).toBe('http://h/?relay=ws%3A%2F%2Fa%3A1#/people');
  });

  it('a link never silently moves a workspace that already syncs somewhere to other relays', () => {
    const t = jwt({ room: 'w1.*', exp: 2_000_000_000 });
    const fromLink = accessFromLink(new URLSearchParams({ workspace: 'w1', relay: `ws://10.0.0.5:8080/?token=${t}`, workshop: 'participant' }))!.access;
    // a workspace without access of its own (a workshop joined for the first time) takes the link's
    expect(linkMayStoreAccess(null, fromLink)).toBe(true);
    // a fresh token for the very relays it uses replaces the old one
    expect(linkMayStoreAccess({ ...fromLink, token: jwt({ room: 'w1.*', exp: 1_900_000_000 }) }, fromLink)).toBe(true);
    // but not another relay, nor one added to or taken from the list, nor a workspace on the device relay with a token
    expect(linkMayStoreAccess({ relays: ['wss://team.example.org'], token: null, renewUrl: null }, fromLink)).toBe(false);
    expect(linkMayStoreAccess({ relays: ['ws://10.0.0.5:8080', 'wss://b.example.org'], token: null, renewUrl: null }, fromLink)).toBe(false);
    expect(linkMayStoreAccess({ relays: [], token: t, renewUrl: null }, fromLink)).toBe(false);
  });

  it('renews a tenth of a token’s life before it expires, at least a minute before', () => {
    expect(renewalDue(jwt({ iat: 0, exp: 36_000 }))).toBe(36_000_000 - 3_600_000);
    expect(renewalDue(jwt({ iat: 0, exp: 300 }))).toBe(300_000 - 60_000);
    expect(renewalDue(jwt({ room: 'x' }))).toBeNull();
    expect(workshopRenewUrl('wss://h.example.org')).toBe('https://h.example.org/workshop/token');
  });

  it('what is stored is checked: a bad record is refused whole', () => {
    expect(WorkspaceAccessSchema.safeParse({ relays: ['ws://a:1'], token: null, renewUrl: null }).success).toBe(true);
    expect(WorkspaceAccessSchema.safeParse({ relays: ['http://a:1'], token: null, renewUrl: null }).success).toBe(false);
    expect(WorkspaceAccessSchema.safeParse({ relays: [], token: 'x', renewUrl: null }).success).toBe(false);
    expect(WorkspaceAccessSchema.safeParse({ relays: [], token: null, renewUrl: 'javascript:alert(1)' }).success).toBe(false);
  });
});
