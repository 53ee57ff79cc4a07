import type { AssemblyIndex } from '../assembly/assemblyIndex';

export interface CoverageLine {
  skill: string;
  level: number;
  /** People at or above the level. */
  qualified: number;
  /** The strongest holder, if anyone holds the skill at all. */
  best?: { personId: string; name: string; level: number };
  /** `gap`: nobody qualifies; `thin`: one person only (a single point of failure); `ok` otherwise. */
  status: 'gap' | 'thin' | 'ok';
}

/** For each requirement, how many people qualify and how strong the best is; gaps are flagged. */
export function coverage(index: AssemblyIndex, requirements: readonly { skill: string; level: number }[]): CoverageLine[] {
  return requirements.map(({ skill, level }) => {
    const holders = index.bySkill.get(skill);
    let qualified = 0;
    if (holders) while (qualified < holders.levels.length && holders.levels[qualified] >= level) qualified++;
    const best = holders && holders.people.length
      ? { personId: index.graph.ids[holders.people[0]], name: index.people[holders.people[0]].name, level: holders.levels[0] }
      : undefined;
    return { skill, level, qualified, best, status: qualified === 0 ? 'gap' : qualified === 1 ? 'thin' : 'ok' };
  });
}
