import { describe, expect, it } from 'vitest';
import type { Team } from '../../../../shared/assembly/assemble';
import { optionId, teamOptions, voteOptions } from './proposedTeams';

const team = (...ids: string[]) => ({ members: ids.map((personId, i) => ({ roleId: `r${i + 1}`, personId })) }) as unknown as Team;

describe('proposed team configurations as live-vote options', () => {
  it('labels each team as the Teams step letters its cards, with its members’ names, and ids that differ', () => {
    const names: Record<string, string> = { p1: 'Ana', p2: 'Bo', p3: 'Zora' };
    const options = teamOptions('kettle', [team('p1', 'p3'), team('p2', 'p3')], (id) => names[id] ?? id);
    expect(options).toEqual([
      { id: '1-team-a-ana-zora', label: 'Team A: Ana, Zora', team: { projectId: 'kettle', members: [{ roleId: 'r1', personId: 'p1' }, { roleId: 'r2', personId: 'p3' }] } },
      { id: '2-team-b-bo-zora', label: 'Team B: Bo, Zora', team: { projectId: 'kettle', members: [{ roleId: 'r1', personId: 'p2' }, { roleId: 'r2', personId: 'p3' }] } },
    ]);
    expect(optionId('Team A: Zora, Ana', 0)).toBe('1-team-a-zora-ana');
  });

  it('keeps within the host’s limits: at most 12 options, labels of at most 200 characters', () => {
    const many = Array.from({ length: 15 }, (_, i) => team(...Array.from({ length: 40 }, (_, j) => `person-${i}-${j}`)));
    const options = teamOptions('kettle', many, (id) => `Someone called ${id}`);
    expect(options).toHaveLength(12);
    for (const o of options) expect(o.label.length).toBeLessThanOrEqual(200);
    expect(new Set(options.map((o) => o.id)).size).toBe(12);
  });

  it('the facilitator’s lines become vote options; a line that is a proposed team’s label carries its members', () => {
    const proposed = teamOptions('kettle', [team('p1', 'p3'), team('p2', 'p3')], (id) => ({ p1: 'Ana', p2: 'Bo', p3: 'Zora' })[id] ?? id);
    expect(voteOptions(['Team B: Bo, Zora', 'Something else'], proposed)).toEqual([
      { id: '1-team-b-bo-zora', label: 'Team B: Bo, Zora', team: proposed[1].team },
      { id: '2-something-else', label: 'Something else' },
    ]);
  });
});
