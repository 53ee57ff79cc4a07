import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../test/support/runCli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAssemblyIndex } from '../shared/assembly/assemblyIndex';
import { DistanceOracle } from '../shared/assembly/poolDistances';
import { DISTANCE_CAP } from '../shared/graph/trustGraph';
import type { NetworkFile } from '../shared/model/network';

const run = runCli;

describe('archipelago CLI (the real binary)', () => {
  let dir: string;
  let netPath: string;
  let net: NetworkFile;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'archipelago-cli-'));
    netPath = join(dir, 'net.json');
    const r = await run('demo', '--people', '250', '--seed', '7', '--out', netPath);
    expect(r.code).toBe(0);
    net = JSON.parse(readFileSync(netPath, 'utf8'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, value: unknown) => {
    const p = join(dir, name);
    writeFileSync(p, typeof value === 'string' ? value : JSON.stringify(value));
    return p;
  };
  const skillWith = (n: number) => {
    const counts = new Map<string, number>();
    for (const p of net.people) for (const s of p.skills) counts.set(s.skill, (counts.get(s.skill) ?? 0) + 1);
    return [...counts].filter(([, c]) => c >= n).map(([s]) => s);
  };

  it('demo is deterministic and writes a version-1 network with real cities', async () => {
    const again = await run('demo', '--people', '250', '--seed', '7');
    expect(again.stdout.trim()).toBe(readFileSync(netPath, 'utf8'));
    expect(net.version).toBe(1);
    expect(net.people).toHaveLength(250);
    expect(net.people[0].location?.city).toBeTruthy();
    expect(net.people[0].timezone).toMatch(/\//);
  });

  it('forecast --json prints requirements and a pathway', async () => {
    const r = await run('forecast', '--objective', 'launch a sustainable product', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.requirements.map((x: { skill: string }) => x.skill)).toEqual(expect.arrayContaining(['circular-design', 'lifecycle-assessment', 'regenerative-supply-chain']));
    for (const x of out.requirements) expect(Object.keys(x)).toEqual(expect.arrayContaining(['skill', 'label', 'why']));
    for (const p of out.pathway) expect(Object.keys(p)).toEqual(expect.arrayContaining(['id', 'name', 'capabilities', 'dependsOn']));
  });

  it('assemble --objective comm --json returns the best team first with the exact communication cost', async () => {
    const skills = skillWith(4).slice(0, 3);
    const req = file('req.json', { roles: skills.map((skill, i) => ({ id: `r${i}`, skill, minLevel: 0.2 })) });
    const r = await run('assemble', '--network', netPath, '--requirements', req, '--k', '2', '--objective', 'comm', '--json');
    expect(r.code).toBe(0);
    const { teams } = JSON.parse(r.stdout);
    expect(teams).toHaveLength(2);
    expect(teams[0].cost.communication).toBeLessThanOrEqual(teams[1].cost.communication);
    const index = buildAssemblyIndex(net);
    const oracle = new DistanceOracle(index);
    const ids: number[] = teams[0].members.map((m: { personId: string }) => index.graph.indexOf.get(m.personId));
    let sum = 0;
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) sum += Math.min(oracle.get(ids[i], ids[j]), DISTANCE_CAP);
    expect(teams[0].cost.communication).toBeCloseTo(sum, 9);
    expect(teams[0].members.map((m: { roleId: string }) => m.roleId)).toEqual(['r0', 'r1', 'r2']);
    expect(teams[0].explanation).toHaveLength(3);
  });

  it('bad files exit 2 naming the JSON path of the bad field', async () => {
    const badNet = file('bad-net.json', { version: 1, people: [{ id: 'a', name: 'A', skills: [{ skill: 'x', level: 7 }] }], ties: [] });
    const req = file('ok-req.json', { roles: [{ id: 'r', skill: 'x', minLevel: 0.1 }] });
    let r = await run('assemble', '--network', badNet, '--requirements', req, '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('$.people[0].skills[0].level');
    r = await run('assemble', '--network', netPath, '--requirements', file('bad-req.json', { roles: [{ id: 'r', minLevel: 0.1 }] }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('$.roles[0].skill');
    r = await run('assemble', '--network', file('broken.json', '{"version": 1,'), '--requirements', req);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not valid JSON/);
    r = await run('trust', '--network', file('tie.json', { version: 1, people: [{ id: 'a', name: 'A', skills: [] }], ties: [{ from: 'a', to: 'zz', trust: 0.5 }] }), '--from', 'a');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('$.ties[0].to');
    r = await run('assemble', '--network', netPath);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--requirements is required');
    r = await run('nonsense');
    expect(r.code).toBe(2);
  });

  it('infeasible requests exit 3 naming the role or the budget', async () => {
    let r = await run('assemble', '--network', netPath, '--requirements', file('inf.json', { roles: [{ id: 'lead', skill: 'ui-design', minLevel: 0.1 }, { id: 'ghost', skill: 'unheard-of', minLevel: 0.5 }] }));
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('role ghost');
    r = await run('assemble', '--network', netPath, '--requirements', file('poor.json', { roles: [{ id: 'r', skill: skillWith(1)[0], minLevel: 0 }], budget: 1 }));
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/budget 1 is short by/);
  });

  it('role-less pins are placed by the search: 7 roles and 3 pins without a role solve, as with explicit roles', async () => {
    // Only p1 has skill b, so p1 must take role r6, the last one. The pins' roles used to be
    // enumerated and cut after 64 ways, all with p1 elsewhere: a feasible request exited 3.
    const person = (id: string, skills: string[], rate: number) => ({ id, name: `Person ${id}`, skills: skills.map((skill) => ({ skill, level: 0.9 })), rate });
    const people = [person('p1', ['a', 'b'], 50), person('p2', ['a'], 50), person('p3', ['a'], 50), ...['q1', 'q2', 'q3', 'q4', 'q5'].map((id, i) => person(id, ['a'], 40 + i))];
    const ties = people.slice(1).map((p, i) => ({ from: people[i].id, to: p.id, trust: 0.8 }));
    const small = file('pins-net.json', { version: 1, people, ties });
    const roles = [...Array.from({ length: 6 }, (_, i) => ({ id: `r${i}`, skill: 'a', minLevel: 0.5 })), { id: 'r6', skill: 'b', minLevel: 0.5 }];
    const solve = async (pinned: unknown[], budget?: number) => {
      const r = await run('assemble', '--network', small, '--requirements', file('pins-req.json', { roles, pinned, budget }), '--objective', 'comm', '--k', '1', '--json');
      return { ...r, out: r.code === 0 ? JSON.parse(r.stdout) : undefined };
    };
    const roleLess = await solve(['p1', 'p2', 'p3']);
    expect(roleLess.stderr).toBe('');
    expect(roleLess.code).toBe(0);
    const explicit = await solve([{ personId: 'p1', roleId: 'r6' }, { personId: 'p2', roleId: 'r0' }, { personId: 'p3', roleId: 'r1' }]);
    expect(explicit.code).toBe(0);
    const members = roleLess.out.teams[0].members as { roleId: string; personId: string }[];
    expect(members.find((m) => m.roleId === 'r6')!.personId).toBe('p1');
    expect(members.map((m) => m.personId)).toEqual(expect.arrayContaining(['p1', 'p2', 'p3']));
    expect(roleLess.out.exact).toBe(true);
    // free to choose the pins' roles, the search is never worse than one fixed choice of them
    expect(roleLess.out.teams[0].cost.communication).toBeLessThanOrEqual(explicit.out.teams[0].cost.communication + 1e-9);
    // a budget below the cheapest team that holds the pins still says by how much it is short
    const poor = await solve(['p1', 'p2', 'p3'], 300);
    expect(poor.code).toBe(3);
    expect(poor.stderr).toMatch(/budget 300 is short by 16: the cheapest qualified team with the pinned people costs 316/);
  });

  it('trust --json lists scores sorted descending, with paths from the viewer', async () => {
    const r = await run('trust', '--network', netPath, '--from', 'p1', '--top', '15', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.from).toBe('p1');
    expect(out.scores).toHaveLength(15);
    for (let i = 1; i < out.scores.length; i++) expect(out.scores[i - 1].trust).toBeGreaterThanOrEqual(out.scores[i].trust);
    for (const s of out.scores) {
      expect(s.paths.length).toBeGreaterThan(0);
      for (const p of s.paths) {
        expect(p[0]).toBe('p1');
        expect(p[p.length - 1]).toBe(s.personId);
      }
    }
    const unknown = await run('trust', '--network', netPath, '--from', 'nobody', '--json');
    expect(unknown.code).toBe(2);
  });

  it('trust --advice says rely, introduce (naming whom to ask) or escrow, and --stakes raises the bar', async () => {
    const person = (id: string) => ({ id, name: `Person ${id}`, skills: [] });
    const small = file('advice.json', {
      version: 1,
      people: ['me', 'a', 'b', 'c', 'd', 'e'].map(person),
      ties: [
        { from: 'me', to: 'a', trust: 0.9 },
        { from: 'a', to: 'b', trust: 0.9 },
        { from: 'me', to: 'c', trust: 0.9 },
        { from: 'c', to: 'd', trust: 0.6 },
      ],
    });
    const advise = async (...extra: string[]) => {
      const r = await run('trust', '--network', small, '--from', 'me', '--about', 'b,d,e', '--advice', ...extra, '--json');
      expect(r.code).toBe(0);
      return new Map((JSON.parse(r.stdout).scores as { personId: string; advice: { advice: string; introducer?: string; reasons: string[] } }[]).map((s) => [s.personId, s.advice]));
    };
    const normal = await advise();
    expect(normal.get('b')!.advice).toBe('rely'); // 0.81 along me → a → b
    expect(normal.get('d')!.advice).toBe('rely'); // 0.54 ≥ 0.5
    expect(normal.get('e')!.advice).toBe('escrow'); // no path at all
    expect(normal.get('e')!.reasons.join(' ')).toMatch(/escrow/);
    const high = await advise('--stakes', '1'); // rely now needs 0.9
    expect(high.get('b')!.advice).toBe('introduce');
    expect(high.get('b')!.introducer).toBe('a');
    expect(high.get('d')!).toMatchObject({ advice: 'introduce', introducer: 'c' });
    // the contract's output is unchanged without --advice
    const plain = JSON.parse((await run('trust', '--network', small, '--from', 'me', '--json')).stdout);
    expect(Object.keys(plain.scores[0]).sort()).toEqual(['paths', 'personId', 'trust']);
    // the text form names the introducer
    const text = await run('trust', '--network', small, '--from', 'me', '--about', 'd', '--advice', '--stakes', '1');
    expect(text.stdout).toContain('introduce: ask Person c (c)');
    // bad input
    const ghost = await run('trust', '--network', small, '--from', 'me', '--about', 'b,ghost', '--advice', '--json');
    expect(ghost.code).toBe(2);
    expect(ghost.stderr).toMatch(/--about.*ghost/);
    expect((await run('trust', '--network', small, '--from', 'me', '--advice', '--stakes', '2')).code).toBe(2);
    expect((await run('trust', '--network', small, '--from', 'me', '--stakes', '0.5')).code).toBe(2);
  });

  it('help lists every command', async () => {
    const r = await run('help');
    expect(r.code).toBe(0);
    for (const c of ['demo', 'forecast', 'assemble', 'trust']) expect(r.stdout).toContain(`archipelago ${c}`);
  });

  it('forecast --requirements-out writes a requirements file that assemble reads: objective to team in two commands', async () => {
    const big = join(dir, 'net800.json');
    expect((await run('demo', '--people', '800', '--seed', '3', '--out', big)).code).toBe(0);
    const req = join(dir, 'req.json');
    const f = await run('forecast', '--objective', 'build a mobile app for farmers', '--json', '--requirements-out', req, '--budget', '900');
    expect(f.code).toBe(0);
    const printed = JSON.parse(f.stdout);
    const written = JSON.parse(readFileSync(req, 'utf8'));
    expect(written.budget).toBe(900);
    expect(written.roles.map((r: { skill: string }) => r.skill)).toEqual(printed.requirements.map((r: { skill: string }) => r.skill));
    expect(written.roles[0]).toEqual({ id: printed.requirements[0].skill, skill: printed.requirements[0].skill, minLevel: printed.requirements[0].level, label: printed.requirements[0].label });
    const a = await run('assemble', '--network', big, '--requirements', req, '--json');
    expect(a.code).toBe(0);
    const team = JSON.parse(a.stdout).teams[0];
    expect(team.members.map((m: { roleId: string }) => m.roleId)).toEqual(written.roles.map((r: { id: string }) => r.id));
    expect(team.cost.rate).toBeLessThanOrEqual(900);
  });

  it('forecast rejects a bad --budget or a --budget without --requirements-out, and writes nothing', async () => {
    const req = join(dir, 'never.json');
    const bad = await run('forecast', '--objective', 'build an app', '--requirements-out', req, '--budget', '-5');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--budget must be a positive number/);
    const lone = await run('forecast', '--objective', 'build an app', '--budget', '100');
    expect(lone.code).toBe(2);
    expect(() => readFileSync(req)).toThrow();
  });

  it('token mints an HS256 room token with a short default TTL, read-only on request; bad input exits 2', async () => {
    const { jwtVerify } = await import('jose');
    const key = new TextEncoder().encode('cli-secret-cli-secret-cli-secret-00');
    const r = await run('token', '--room', 'team/*', '--secret', 'cli-secret-cli-secret-cli-secret-00');
    expect(r.code).toBe(0);
    const { payload, protectedHeader } = await jwtVerify(r.stdout.trim(), key, { algorithms: ['HS256'] });
    expect(protectedHeader.alg).toBe('HS256');
    expect(payload).toMatchObject({ room: 'team/*', scope: 'rw' });
    expect(payload.exp! - payload.iat!).toBe(3600);
    const ro = await run('token', '--room', 'a', '--secret', 'cli-secret-cli-secret-cli-secret-00', '--ttl', '60', '--read-only', '--json');
    const out = JSON.parse(ro.stdout);
    const verified = await jwtVerify(out.token, key);
    expect(verified.payload).toMatchObject({ room: 'a', scope: 'r' });
    expect(verified.payload.exp! - verified.payload.iat!).toBe(60);
    expect((await run('token', '--room', 'a')).code).toBe(2);
    const noRoom = await run('token', '--secret', 's');
    expect([noRoom.code, noRoom.stderr]).toEqual([2, expect.stringContaining('--room')]);
    expect((await run('token', '--room', 'a', '--secret', 's', '--ttl', '0')).code).toBe(2);
    expect((await run('token', '--room', 'bad room', '--secret', 's')).code).toBe(2);
    // renewable at the relay for a day, an hour at a time
    const renewable = JSON.parse((await run('token', '--room', 'a', '--secret', 'cli-secret-cli-secret-cli-secret-00', '--renewable-for', '86400', '--json')).stdout);
    const claims = (await jwtVerify(renewable.token, key)).payload as { iat: number; ren: number };
    expect(claims.ren - claims.iat).toBe(86400);
    expect(renewable.renewableUntil).toBe(new Date(claims.ren * 1000).toISOString());
    const tooShort = await run('token', '--room', 'a', '--secret', 's', '--ttl', '600', '--renewable-for', '60');
    expect([tooShort.code, tooShort.stderr]).toEqual([2, expect.stringContaining('--renewable-for must be at least --ttl')]);
  });
});

describe('archipelago profile (the real binary)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'archipelago-profile-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('demo writes a deterministic signed profile that verifies with exit 0', async () => {
    const out = join(dir, 'profile.json');
    expect((await run('profile', 'demo', '--seed', '5', '--out', out)).code).toBe(0);
    const again = await run('profile', 'demo', '--seed', '5');
    expect(again.stdout).toBe(readFileSync(out, 'utf8'));
    const file = JSON.parse(again.stdout);
    expect(file.profile.body.skills.length).toBeGreaterThan(0);
    expect(file.profile.body.workHistory.length).toBeGreaterThan(0);
    expect(file.items.filter((x: { kind: string }) => x.kind === 'feedback').length).toBeGreaterThanOrEqual(5);
    expect(file.items.filter((x: { kind: string }) => x.kind === 'attestation').length).toBeGreaterThanOrEqual(2);
    expect(new Set(file.items.map((x: { author: string }) => x.author)).size).toBeGreaterThan(1);
    const r = await run('profile', 'verify', out, '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ valid: true, subject: file.profile.author });
    expect(report.items).toHaveLength(file.items.length + 1);
    for (const x of report.items) expect(Object.keys(x).sort()).toEqual(['kind', 'path', 'reason', 'signer', 'valid']);
    expect((await run('profile', 'verify', out)).stdout).toMatch(/^VALID profile of /);
  });

  it('a changed score exits 4, names the item, and the --json report marks it invalid', async () => {
    const file = JSON.parse((await run('profile', 'demo', '--seed', '5')).stdout);
    const dims = file.items[2].body.dimensions;
    dims.quality.score = dims.quality.score === 5 ? 4 : 5;
    const p = join(dir, 'tampered.json');
    writeFileSync(p, JSON.stringify(file));
    const r = await run('profile', 'verify', p, '--json');
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/verification failed: \$\.items\[2\] \(feedback/);
    const report = JSON.parse(r.stdout);
    expect(report.valid).toBe(false);
    expect(report.items.filter((x: { valid: boolean }) => !x.valid).map((x: { path: string }) => x.path)).toEqual(['$.items[2]']);
  });

  it('a malformed profile exits 2 naming the field; a missing file or not-JSON exits 2', async () => {
    const file = JSON.parse((await run('profile', 'demo', '--seed', '5')).stdout);
    file.items[1].sig = 'zz';
    const p = join(dir, 'malformed.json');
    writeFileSync(p, JSON.stringify(file));
    let r = await run('profile', 'verify', p);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\$\.items\[1\]\.sig/);
    writeFileSync(p, '{"format": ');
    r = await run('profile', 'verify', p);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not valid JSON/);
    r = await run('profile', 'verify', join(dir, 'nope.json'));
    expect(r.code).toBe(2);
    r = await run('profile', 'sign');
    expect(r.code).toBe(2);
  });
});
