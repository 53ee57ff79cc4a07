import type { Person, Tie } from '../model/network';
import { utcOffsetHours } from '../util/timezone';
import { referenceRateOf, type AssemblyIndex, type SkillHolders } from './assemblyIndex';

/**
 * Keeps an AssemblyIndex current after edits, without rebuilding it: a person's fields and skills,
 * and a tie's trust. Adding or removing people or ties changes the graph's shape (its compressed
 * rows), so those return false and the caller rebuilds (in the engine worker, off the UI thread).
 *
 * Callers must drop cached distances (DistanceOracle) after a trust change.
 */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function setHolders(index: AssemblyIndex, skill: string, person: number, level: number | null) {
  const bySkill = index.bySkill as Map<string, SkillHolders>;
  const current = bySkill.get(skill);
  const list: { p: number; l: number }[] = [];
  if (current) for (let i = 0; i < current.people.length; i++) if (current.people[i] !== person) list.push({ p: current.people[i], l: current.levels[i] });
  if (level !== null) list.push({ p: person, l: level });
  if (!list.length) return void bySkill.delete(skill);
  list.sort((a, b) => b.l - a.l || a.p - b.p);
  bySkill.set(skill, { people: Int32Array.from(list, (x) => x.p), levels: Float64Array.from(list, (x) => x.l) });
}

/** Applies a changed person record (same id, already in the index). False if they are not in it. */
export function updatePersonInIndex(index: AssemblyIndex, person: Person): boolean {
  const i = index.graph.indexOf.get(person.id);
  if (i === undefined) return false;
  const mutable = index as Mutable<AssemblyIndex>;
  (mutable.people as Person[])[i] = person;
  const rateChanged = index.rate[i] !== (person.rate ?? 0);
  index.rate[i] = person.rate ?? 0;
  index.availability[i] = person.availability ?? 1;
  index.utcOffset[i] = utcOffsetHours(person.timezone);
  const next = new Map<string, number>();
  for (const s of person.skills) next.set(s.skill, Math.max(s.level, next.get(s.skill) ?? 0));
  const before = index.skillLevels[i];
  for (const skill of before.keys()) if (!next.has(skill)) setHolders(index, skill, i, null);
  for (const [skill, level] of next) if (before.get(skill) !== level) setHolders(index, skill, i, level);
  index.skillLevels[i] = next;
  if (rateChanged) mutable.referenceRate = referenceRateOf(index.rate);
  return true;
}

/** Applies a changed trust on an existing tie. False if the tie is not in the index. */
export function updateTieTrustInIndex(index: AssemblyIndex, tie: Tie): boolean {
  const g = index.graph;
  const a = g.indexOf.get(tie.from);
  const b = g.indexOf.get(tie.to);
  if (a === undefined || b === undefined) return false;
  let t = -1;
  for (let o = g.outStart[a]; o < g.outStart[a + 1]; o++) {
    if (g.outTo[o] !== b) continue;
    g.outTrust[o] = tie.trust;
    g.outLen[o] = -Math.log(tie.trust);
    t = o;
  }
  if (t < 0) return false;
  for (let q = g.inStart[b]; q < g.inStart[b + 1]; q++) if (g.inFrom[q] === a) g.inTrust[q] = tie.trust;
  // the undirected arcs of this tie (a tie b→a may add two more arcs between the same people)
  let tieIndex = -1;
  for (let u = g.undStart[a]; u < g.undStart[a + 1] && tieIndex < 0; u++) if (g.undTo[u] === b && g.tieFrom[g.undTie[u]] === a) tieIndex = g.undTie[u];
  if (tieIndex < 0) return false;
  const len = -Math.log(tie.trust);
  for (const node of [a, b]) for (let u = g.undStart[node]; u < g.undStart[node + 1]; u++) if (g.undTie[u] === tieIndex) g.undLen[u] = len;
  return true;
}
