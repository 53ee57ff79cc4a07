import type { NetworkFile } from '../model/network';
import type { Role } from '../model/requirements';
import { createRng } from '../util/rng';

const SKILLS = ['ui-design', 'storytelling', 'lifecycle-assessment', 'circular-design', 'regulatory-affairs', 'data-analysis'];

/** A small random instance for exactness tests: up to `people` people, `roles` roles, random ties. */
export function randomInstance(seed: number, people = 30, roles = 5): { network: NetworkFile; roles: Role[]; budget?: number; banned: string[] } {
  const rng = createRng(seed);
  const n = 8 + rng.int(people - 7);
  const net: NetworkFile = {
    version: 1,
    people: Array.from({ length: n }, (_, i) => ({
      id: `p${i}`,
      name: `Person ${i}`,
      skills: SKILLS.filter(() => rng.next() < 0.35).map((skill) => ({ skill, level: Math.round(rng.next() * 100) / 100 })),
      rate: 20 + rng.int(100),
      availability: Math.round(rng.next() * 100) / 100,
      timezone: rng.pick(['Europe/Lisbon', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata']),
    })),
    ties: [],
  };
  const seen = new Set<string>();
  const tieCount = n + rng.int(n * 3);
  for (let t = 0; t < tieCount; t++) {
    const a = rng.int(n);
    const b = rng.int(n);
    if (a === b || seen.has(`${a}>${b}`)) continue;
    seen.add(`${a}>${b}`);
    net.ties.push({ from: `p${a}`, to: `p${b}`, trust: Math.max(0.05, Math.round(rng.next() * 100) / 100) });
  }
  const roleCount = 2 + rng.int(roles - 1);
  const rs: Role[] = Array.from({ length: roleCount }, (_, i) => ({ id: `r${i}`, skill: rng.pick(SKILLS), minLevel: Math.round(rng.next() * 40) / 100 }));
  return {
    network: net,
    roles: rs,
    budget: rng.next() < 0.3 ? 150 + rng.int(300) : undefined,
    banned: rng.next() < 0.3 ? [`p${rng.int(n)}`] : [],
  };
}
