import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RenewalRefused } from '../../sync/renewAtRelay';
import { renewAccessToken } from './renewAccessToken';
import { RETRY_MS, scheduleRenewal, type RenewalPlan } from './renewalLoop';

const HOUR = 3_600_000;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-11-29T10:00:00Z'));
});
afterEach(() => vi.useRealTimers());

/** A plan for a token that expires in an hour, due ten minutes before; what it did, in order. */
function plan(renew: RenewalPlan['renew']) {
  const did: string[] = [];
  const now = Date.now();
  const p: RenewalPlan = { expires: now + HOUR, due: now + HOUR - 600_000, renew, onRenewed: (t) => did.push(`renewed ${t}`), notify: (m) => did.push(`notice ${m}`) };
  return { p, did };
}

describe('scheduleRenewal', () => {
  it('renews when due, not before', async () => {
    const renew = vi.fn(async () => 'fresh');
    const { p, did } = plan(renew);
    scheduleRenewal(p);
    await vi.advanceTimersByTimeAsync(HOUR - 600_001);
    expect(renew).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(did).toEqual(['renewed fresh']);
  });

  it('retries a failure that may pass every minute, until it renews', async () => {
    const renew = vi.fn().mockRejectedValueOnce(new Error('the relay did not answer')).mockRejectedValueOnce(new Error('the relay did not answer')).mockResolvedValue('fresh');
    const { p, did } = plan(renew);
    scheduleRenewal(p);
    await vi.advanceTimersByTimeAsync(HOUR - 600_000);
    await vi.advanceTimersByTimeAsync(2 * RETRY_MS);
    expect(renew).toHaveBeenCalledTimes(3);
    expect(did).toEqual([
      "notice Could not renew this workspace's access token (the relay did not answer); trying again in a minute.",
      "notice Could not renew this workspace's access token (the relay did not answer); trying again in a minute.",
      'renewed fresh',
    ]);
  });

  it('stops at a final refusal: told once, never asked again', async () => {
    const renew = vi.fn(async () => {
      throw new RenewalRefused('this token is not renewable: ask for a new one');
    });
    const { p, did } = plan(renew);
    scheduleRenewal(p);
    await vi.advanceTimersByTimeAsync(2 * HOUR); // past its expiry, many retry intervals
    expect(renew).toHaveBeenCalledTimes(1);
    expect(did).toEqual(["notice This workspace's access token cannot be renewed (this token is not renewable: ask for a new one). Ask for a new one and paste it under Workspaces → Access to this workspace."]);
  });

  it('where nothing renews the token, says when it expires, once, in time', async () => {
    const { p, did } = plan(null);
    scheduleRenewal(p);
    await vi.advanceTimersByTimeAsync(HOUR - 600_000);
    expect(did).toHaveLength(1);
    expect(did[0]).toMatch(/^notice This workspace's access token expires at .+\. Ask for a new one/);
    await vi.advanceTimersByTimeAsync(2 * HOUR);
    expect(did).toHaveLength(1);
  });

  it('a short-lived token is renewed halfway through what is left, at most 10 s on, never at once', async () => {
    const renew = vi.fn(async () => 'fresh');
    const now = Date.now();
    scheduleRenewal({ expires: now + 4_000, due: now - 60_000, renew, onRenewed: () => {}, notify: () => {} });
    await vi.advanceTimersByTimeAsync(1_999);
    expect(renew).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(renew).toHaveBeenCalledTimes(1);
    scheduleRenewal({ expires: now + HOUR, due: now - 60_000, renew, onRenewed: () => {}, notify: () => {} });
    await vi.advanceTimersByTimeAsync(9_999);
    expect(renew).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(renew).toHaveBeenCalledTimes(2);
  });

  it('stopped (a new token, the workspace closed), it neither asks nor reports', async () => {
    let answer!: (t: string) => void;
    const renew = vi.fn(() => new Promise<string>((r) => (answer = r)));
    const { p, did } = plan(renew);
    const stop = scheduleRenewal(p);
    await vi.advanceTimersByTimeAsync(HOUR - 600_000);
    stop();
    answer('late');
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(renew).toHaveBeenCalledTimes(1);
    expect(did).toEqual([]);
    const second = plan(renew);
    scheduleRenewal(second.p)();
    await vi.advanceTimersByTimeAsync(2 * HOUR);
    expect(renew).toHaveBeenCalledTimes(1);
  });
});

describe('renewAccessToken (a workshop host)', () => {
  const answering = (status: number, body: unknown) => (async () => new Response(JSON.stringify(body), { status })) as unknown as typeof fetch;
  it('a 401 or 403 is final, anything else may pass', async () => {
    await expect(renewAccessToken('http://host/workshop/token', 't', answering(403, { error: 'you were removed from this workshop' }))).rejects.toBeInstanceOf(RenewalRefused);
    await expect(renewAccessToken('http://host/workshop/token', 't', answering(401, { error: 'the token has expired' }))).rejects.toThrow('the token has expired');
    await expect(renewAccessToken('http://host/workshop/token', 't', answering(401, {}))).rejects.toBeInstanceOf(RenewalRefused);
    const busy = renewAccessToken('http://host/workshop/token', 't', answering(503, { error: 'busy' }));
    await expect(busy).rejects.toThrow('busy');
    await expect(busy).rejects.not.toBeInstanceOf(RenewalRefused);
    expect(await renewAccessToken('http://host/workshop/token', 't', answering(200, { token: 'fresh' }))).toBe('fresh');
  });
});
