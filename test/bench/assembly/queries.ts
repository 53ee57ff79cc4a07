import type { AssemblyIndex } from '../../../shared/assembly/assemblyIndex';
import type { Role } from '../../../shared/model/requirements';

/** Deterministic 8-role requests spread over common and rarer skills. */
export function bigNetworkQueries(index: AssemblyIndex, count: number): Role[][] {
  const skills = [...index.bySkill.entries()].sort((a, b) => a[1].people.length - b[1].people.length || a[0].localeCompare(b[0]));
  return Array.from({ length: count }, (_, q) =>
    [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8].map((f, i) => ({
      id: `r${i}`,
      skill: skills[Math.floor(((f + q * 0.13) % 1) * skills.length)][0],
      minLevel: 0.5,
    })),
  );
}
