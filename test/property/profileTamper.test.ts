import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { demoProfile } from '../../shared/identity/demoProfile';
import { allMutations, type Mutation } from './jsonMutations';

/**
 * "Changing any value anywhere in the file must fail verification" (DESIGN.md §3): every leaf value
 * and every key name of a demo profile, changed one at a time, through the CLI's `profile verify`.
 * The outcome must be exit 4 with the changed item reported invalid, or exit 2 (malformed).
 */
const dir = mkdtempSync(join(tmpdir(), 'archipelago-tamper-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function verify(value: unknown) {
  const p = join(dir, 'p.json');
  writeFileSync(p, JSON.stringify(value));
  let stdout = '';
  let stderr = '';
  const code = await main(['profile', 'verify', p, '--json'], { stdout: { write: (s: string) => ((stdout += s), true) }, stderr: { write: (s: string) => ((stderr += s), true) } });
  return { code, stdout, stderr };
}

/** The report item a mutation path falls in: `$.profile` or `$.items[i]`. */
function owner(path: string): string | undefined {
  return /^\$\.(profile|items\[\d+\])(?=$|[.[])/.exec(path)?.[0];
}

async function expectRejected(profile: unknown, m: Mutation) {
  const r = await verify(m.apply(profile));
  const label = `${m.what} at ${m.path} -> exit ${r.code}: ${r.stderr.trim()}`;
  expect([2, 4], label).toContain(r.code);
  if (r.code === 4) {
    const report = JSON.parse(r.stdout);
    expect(report.valid, label).toBe(false);
    const item = report.items.find((x: { path: string }) => x.path === owner(m.path));
    expect(item, label).toBeDefined();
    expect(item.valid, label).toBe(false);
    expect(r.stderr, label).toMatch(/verification failed: \$\./);
  }
  return r.code;
}

describe('a demo profile: any single change fails verify', () => {
  it('the untouched profile verifies (exit 0), also after a JSON round trip', async () => {
    const r = await verify(JSON.parse(JSON.stringify(demoProfile({ seed: 1 }))));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).valid).toBe(true);
  });

  it('every leaf value and every key name of seed 1, one at a time', async () => {
    const profile = demoProfile({ seed: 1 });
    const mutations = allMutations(profile);
    expect(mutations.length).toBeGreaterThan(500);
    const codes = { 2: 0, 4: 0 };
    for (const m of mutations) codes[(await expectRejected(profile, m)) as 2 | 4]++;
    // Renamed keys and broken hex make the file malformed (2); every well-formed change is a failed
    // signature (4). Both must really happen, or this test checks less than it claims.
    expect(codes[4]).toBeGreaterThan(200);
    expect(codes[2]).toBeGreaterThan(100);
  }, 120_000);

  it('random changes to profiles from random seeds (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 10_000 }), fc.nat(), async (seed, pick) => {
        const profile = demoProfile({ seed });
        const mutations = allMutations(profile);
        await expectRejected(profile, mutations[pick % mutations.length]);
      }),
      { numRuns: 40, seed: 9 },
    );
  }, 60_000);

  it('removing, duplicating or importing a foreign item fails with the right item named', async () => {
    const profile = demoProfile({ seed: 2 });
    const removed = { ...profile, items: profile.items.slice(1) };
    let r = await verify(removed);
    expect(r.code).toBe(4);
    expect(JSON.parse(r.stdout).items[0]).toMatchObject({ path: '$.profile', valid: false });

    r = await verify({ ...profile, items: [...profile.items, profile.items[0]] });
    expect(r.code).toBe(4);
    expect(JSON.parse(r.stdout).items.at(-1)).toMatchObject({ valid: false, reason: expect.stringMatching(/duplicate/) });

    const other = demoProfile({ seed: 3 });
    r = await verify({ ...profile, items: [...profile.items.slice(0, -1), other.items[0]] });
    expect(r.code).toBe(4);
    expect(JSON.parse(r.stdout).items.at(-1)).toMatchObject({ valid: false, reason: expect.stringMatching(/someone else/) });
  });
});
