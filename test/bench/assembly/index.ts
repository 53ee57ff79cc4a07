import { assemble } from '../../../shared/assembly/assemble';
import { AssemblySession } from '../../../shared/assembly/assemblySession';
import { rarestFirst } from '../../../shared/assembly/rarestFirst';
import type { Role } from '../../../shared/model/requirements';
import { bigNetworkQueries } from './queries';
import { bigIndex } from '../bigNetwork';
import { medianMs, type Bench, type BenchRow } from '../harness';

/** Team assembly on 100k people / 1M ties, 8 roles, against RarestFirst measured in the same run. */
export const assemblyBench: Bench = {
  name: 'assembly',
  run(): BenchRow[] {
    const index = bigIndex();
    const queries = bigNetworkQueries(index, 5);
    const perQuery = (fn: (roles: Role[]) => unknown) => {
      const times = queries.map((roles) => medianMs(() => fn(roles), 3));
      return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
    };
    const comm = perQuery((roles) => assemble(index, { roles }, { objective: 'comm', k: 1 }));
    const dflt = perQuery((roles) => assemble(index, { roles }, { objective: 'default', k: 3 }));
    const rf = perQuery((roles) => rarestFirst(index, { roles }));
    let ours = 0;
    let theirs = 0;
    for (const roles of queries) {
      ours += assemble(index, { roles }, { objective: 'comm', k: 1 }).teams[0].cost.communication;
      theirs += rarestFirst(index, { roles }).communication;
    }
    // Re-solve after a pin: a warm session versus a cold solve of the same pinned request.
    const pinTimes: number[] = [];
    const coldTimes: number[] = [];
    for (const roles of queries) {
      const session = new AssemblySession(index, roles, { objective: 'comm' });
      const team = session.solve().teams[0];
      const holders = index.bySkill.get(roles[3].skill)!;
      let alt = -1;
      for (let i = 0; i < holders.people.length && alt < 0; i++) {
        const id = index.graph.ids[holders.people[i]];
        if (holders.levels[i] >= roles[3].minLevel && !team.members.some((m) => m.personId === id)) alt = holders.people[i];
      }
      const pinned = index.graph.ids[alt];
      let t = performance.now();
      session.pin(pinned, roles[3].id).solve();
      pinTimes.push(performance.now() - t);
      t = performance.now();
      assemble(index, { roles, pinned: [{ personId: pinned, roleId: roles[3].id }] }, { objective: 'comm', k: 1 });
      coldTimes.push(performance.now() - t);
    }
    // Pins without a role: the search places them (a matching constraint in the branch and bound),
    // against the same people pinned on the roles it chose.
    const freeTimes: number[] = [];
    const placedTimes: number[] = [];
    for (const roles of queries) {
      const team = assemble(index, { roles }, { objective: 'comm', k: 1 }).teams[0];
      const pins = team.members.slice(0, 3);
      freeTimes.push(medianMs(() => assemble(index, { roles, pinned: pins.map((m) => m.personId) }, { objective: 'comm', k: 1 }), 3));
      placedTimes.push(medianMs(() => assemble(index, { roles, pinned: pins }, { objective: 'comm', k: 1 }), 3));
    }
    const med = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    return [
      { measure: 'assemble, comm objective, 8 roles (median of 5 queries)', figure: comm, baseline: rf, baselineName: 'RarestFirst', unit: 'ms', target: 100 },
      { measure: 'assemble, default objective, top 3', figure: dflt, baseline: rf, baselineName: 'RarestFirst', unit: 'ms', target: 100 },
      { measure: 'communication cost, sum over the 5 queries (lower is better)', figure: ours, baseline: theirs, baselineName: 'RarestFirst', unit: '' },
      { measure: 'assemble with 3 pins without a role, 8 roles', figure: med(freeTimes), baseline: med(placedTimes), baselineName: 'same pins on their roles', unit: 'ms', target: 100 },
      { measure: 're-solve after a pin (warm session)', figure: med(pinTimes), baseline: med(coldTimes), baselineName: 'cold solve, same pin', unit: 'ms', target: 20 },
    ];
  },
};
