import { DISTANCE_CAP } from '../graph/trustGraph';
import { workingHoursOverlap } from '../util/timezone';
import type { AssemblyIndex } from './assemblyIndex';
import { sumTerms, TERM_NAMES, zeroTerms, type ObjectiveModel, type Terms } from './objective';
import type { DistanceOracle } from './poolDistances';
import type { Problem } from './problem';

export interface MemberExplanation {
  roleId: string;
  personId: string;
  name: string;
  /** Why this person: their level against the role's minimum, ties to the team, location. */
  why: string;
  /** Weighted term contributions of this member (pair terms split evenly between the two). */
  contributions: Terms;
  /** This member's share of the communication cost: half of their distances to the others. */
  communication: number;
  /** This member's share of the score: Σ contributions (default) or −communication (comm). */
  total: number;
}

export interface RunnerUp {
  roleId: string;
  personId: string;
  name: string;
  /** New score minus current score if this person replaced the current member (≤ 0 for the best team). */
  scoreChange: number;
  communicationChange: number;
  rateChange: number;
}

export interface TeamExplanation {
  members: MemberExplanation[];
  terms: Terms;
  cost: { communication: number; rate: number; timezoneOverlap: number };
  score: number;
  runnerUps: RunnerUp[];
}

const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

interface Evaluation {
  terms: Terms;
  perMember: Terms[];
  commPerMember: number[];
  communication: number;
  rate: number;
  overlap: number;
  score: number;
}

function evaluate(index: AssemblyIndex, problem: Problem, people: readonly number[], objective: ObjectiveModel, oracle: DistanceOracle): Evaluation {
  const R = people.length;
  const perMember = people.map((p, r) => objective.unaryTerms(problem.roles[r], p));
  const commPerMember = new Array<number>(R).fill(0);
  let communication = 0;
  let overlap = 0;
  for (let i = 0; i < R; i++) {
    for (let j = i + 1; j < R; j++) {
      const d = Math.min(oracle.get(people[i], people[j]), DISTANCE_CAP);
      communication += d;
      commPerMember[i] += d / 2;
      commPerMember[j] += d / 2;
      overlap += workingHoursOverlap(index.utcOffset[people[i]], index.utcOffset[people[j]]);
      const pt = objective.pairTerms(people[i], people[j], d);
      for (const t of TERM_NAMES) {
        perMember[i][t] += pt[t] / 2;
        perMember[j][t] += pt[t] / 2;
      }
    }
  }
  const terms = zeroTerms();
  for (const m of perMember) for (const t of TERM_NAMES) terms[t] += m[t];
  const pairs = (R * (R - 1)) / 2;
  const rate = people.reduce((s, p) => s + index.rate[p], 0);
  return {
    terms,
    perMember,
    commPerMember,
    communication,
    rate,
    overlap: pairs ? overlap / pairs : 8,
    score: objective.name === 'comm' ? -communication : sumTerms(terms),
  };
}

/** Explains a team: each member's role, reason and term contributions, and the best runner-up per role. */
export function explainTeam(
  index: AssemblyIndex,
  problem: Problem,
  people: readonly number[],
  objective: ObjectiveModel,
  oracle: DistanceOracle,
  alternatives: readonly (readonly number[])[] = problem.candidates.map((c) => Array.from(c.subarray(0, 50))),
): TeamExplanation {
  const ev = evaluate(index, problem, people, objective, oracle);
  const members: MemberExplanation[] = people.map((p, r) => {
    const role = problem.roles[r];
    const person = index.people[p];
    const closest = people
      .map((q, s) => ({ s, d: s === r ? Infinity : oracle.get(p, q) }))
      .sort((a, b) => a.d - b.d)[0];
    const level = index.levelOf(p, role.skill);
    const reasons = [
      `${role.skill} at ${level.toFixed(2)} (needs ${role.minLevel})`,
      problem.fixed.get(r) === p || problem.required.includes(p) ? 'pinned by you' : null,
      closest && closest.d < DISTANCE_CAP
        ? `closest teammate ${index.people[people[closest.s]].name} at trust distance ${closest.d.toFixed(2)}`
        : people.length > 1
          ? 'no trust path to the rest of the team'
          : null,
      person.location ? `${person.location.city} (${person.timezone ?? 'unknown time zone'})` : null,
      person.rate !== undefined ? `${person.rate}/h` : null,
    ].filter(Boolean);
    const contributions = Object.fromEntries(TERM_NAMES.map((t) => [t, r4(ev.perMember[r][t])])) as Terms;
    return {
      roleId: role.id,
      personId: person.id,
      name: person.name,
      why: reasons.join('; '),
      contributions,
      communication: r4(ev.commPerMember[r]),
      total: objective.name === 'comm' ? r4(-ev.commPerMember[r]) : r4(sumTerms(ev.perMember[r])),
    };
  });

  const runnerUps: RunnerUp[] = [];
  const inTeam = new Set(people);
  problem.roles.forEach((role, r) => {
    if (problem.fixed.has(r) || problem.required.includes(people[r])) return; // a pin is not swapped out
    let bestAlt: { p: number; ev: Evaluation } | undefined;
    for (const alt of alternatives[r]) {
      if (inTeam.has(alt)) continue;
      if (problem.budget !== undefined && ev.rate - index.rate[people[r]] + index.rate[alt] > problem.budget + 1e-9) continue;
      const swapped = people.slice();
      swapped[r] = alt;
      const altEv = evaluate(index, problem, swapped, objective, oracle);
      if (!bestAlt || altEv.score > bestAlt.ev.score) bestAlt = { p: alt, ev: altEv };
    }
    if (bestAlt) {
      runnerUps.push({
        roleId: role.id,
        personId: index.graph.ids[bestAlt.p],
        name: index.people[bestAlt.p].name,
        scoreChange: r4(bestAlt.ev.score - ev.score),
        communicationChange: r4(bestAlt.ev.communication - ev.communication),
        rateChange: r4(bestAlt.ev.rate - ev.rate),
      });
    }
  });

  return {
    members,
    terms: Object.fromEntries(TERM_NAMES.map((t) => [t, r4(ev.terms[t])])) as Terms,
    cost: { communication: ev.communication, rate: ev.rate, timezoneOverlap: r4(ev.overlap) },
    score: ev.score,
    runnerUps,
  };
}
