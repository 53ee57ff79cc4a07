import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../test/support/runCli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoKeyPair } from '../shared/identity/keys';
import { signRecord, ESCROW_KIND } from '../shared/value/signing/signedRecord';
import { randomLedger } from '../shared/value/testLedgers';

const run = runCli;

const ledger = {
  version: 1,
  milestones: [{ id: 'm1', payer: 'p1', payee: 'p2', mediator: 'p3', autoReleaseDays: 14 }],
  events: [
    { id: 'e1', milestone: 'm1', type: 'fund', amount: 50000, at: '2026-01-02T10:00:00Z', actor: 'p1' },
    { id: 'e2', milestone: 'm1', type: 'submit', at: '2026-01-03T10:00:00Z', actor: 'p2' },
    { id: 'e3', milestone: 'm1', type: 'approve', at: '2026-01-04T10:00:00Z', actor: 'p2' },
  ],
};

describe('archipelago ledger replay (the real binary)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'archipelago-ledger-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, value: unknown) => {
    const p = join(dir, name);
    writeFileSync(p, typeof value === 'string' ? value : JSON.stringify(value));
    return p;
  };

  it('--json prints exactly the contract: milestones, applied, rejected with reasons', async () => {
    const r = await run('ledger', 'replay', file('l.json', ledger), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      milestones: [{ id: 'm1', state: 'submitted', funded: 50000, released: 0, refunded: 0, held: 50000 }],
      applied: ['e1', 'e2'],
      rejected: [{ id: 'e3', reason: 'only the payer (p1) may approve; p2 may not' }],
    });
  });

  it('--now auto-releases as a state; applied and rejected list input ids only', async () => {
    const r = await run('ledger', 'replay', file('l.json', ledger), '--now', '2026-02-01T00:00:00Z', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.milestones[0]).toEqual({ id: 'm1', state: 'auto-released', funded: 50000, released: 50000, refunded: 0, held: 0 });
    expect(out.applied).toEqual(['e1', 'e2']);
    expect(out.rejected.map((x: { id: string }) => x.id)).toEqual(['e3']);
  });

  it('reversed and duplicated input gives byte-identical output', async () => {
    const big = randomLedger({ seed: 11, milestones: 8, events: 400 });
    const a = await run('ledger', 'replay', file('a.json', big), '--json', '--now', '2026-01-20T00:00:00Z');
    const shuffled = { ...big, events: [...big.events].reverse().concat(big.events.slice(0, 50)) };
    const b = await run('ledger', 'replay', file('b.json', shuffled), '--json', '--now', '2026-01-20T00:00:00Z');
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(JSON.parse(a.stdout).rejected.length).toBeGreaterThan(0);
  });

  it('the human form says it is a plan, with each rejection', async () => {
    const r = await run('ledger', 'replay', file('l.json', ledger));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/not a payment processor/);
    expect(r.stdout).toMatch(/rejected e3: only the payer/);
  });

  it('bad input exits 2 naming the field', async () => {
    const bad = structuredClone(ledger) as typeof ledger & { events: Record<string, unknown>[] };
    bad.events.push({ id: 'e4', milestone: 'm1', type: 'fund', amount: -1, at: '2026-01-02T10:00:00Z', actor: 'p1' });
    let r = await run('ledger', 'replay', file('neg.json', bad), '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('$.events[3].amount');
    expect(r.stdout).toBe('');
    bad.events[3] = { ...bad.events[3], amount: 5, type: 'steal' };
    r = await run('ledger', 'replay', file('type.json', bad));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('$.events[3].type');
    r = await run('ledger', 'replay', file('broken.json', '{"version":1,'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not valid JSON/);
    r = await run('ledger', 'replay', file('l.json', ledger), '--now', 'tomorrow');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--now');
    r = await run('ledger', 'replay');
    expect(r.code).toBe(2);
    r = await run('ledger', 'replay', join(dir, 'missing.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read ledger file/);
    r = await run('ledger', 'audit', 'x');
    expect(r.code).toBe(2);
  });

  it('signed events: verified per event; a changed one is rejected as tampered and exits 4 with the report', async () => {
    const payer = demoKeyPair('cli-p1');
    const payee = demoKeyPair('cli-p2');
    const signed = {
      ...ledger,
      keys: { p1: payer.publicKey, p2: payee.publicKey },
      events: [signRecord(payer, ESCROW_KIND, ledger.events[0]), signRecord(payee, ESCROW_KIND, ledger.events[1]), signRecord(payer, ESCROW_KIND, { ...ledger.events[2], actor: 'p1' })],
    };
    let r = await run('ledger', 'replay', file('signed.json', signed), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ milestones: [{ id: 'm1', state: 'approved', funded: 50000, released: 50000, refunded: 0, held: 0 }], applied: ['e1', 'e2', 'e3'], rejected: [] });
    // the payer's fund changed after signing: never trusted, never silently dropped
    const tampered = structuredClone(signed);
    (tampered.events[0] as { amount: number }).amount = 90000;
    r = await run('ledger', 'replay', file('tampered.json', tampered), '--json');
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('$.events[0] (e1)');
    const out = JSON.parse(r.stdout);
    expect(out.milestones[0]).toEqual({ id: 'm1', state: 'open', funded: 0, released: 0, refunded: 0, held: 0 });
    expect(out.rejected.find((x: { id: string }) => x.id === 'e1').reason).toMatch(/^tampered: /);
    // a valid signature by the wrong key: rejected (a rule, not a verification failure)
    const wrongKey = { ...signed, events: [signRecord(payee, ESCROW_KIND, ledger.events[0]), ...signed.events.slice(1)] };
    r = await run('ledger', 'replay', file('wrong.json', wrongKey), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).rejected.find((x: { id: string }) => x.id === 'e1').reason).toMatch(/must be signed with their key/);
    // a bad signature field is a schema error naming the field
    r = await run('ledger', 'replay', file('badsig.json', { ...signed, events: [{ ...signed.events[0], signed: { author: 'x', sig: 'y' } }] }), '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('$.events[0].signed.author');
  });
});
