import { describe, expect, it } from 'vitest';
import type { Team } from '../../../../shared/assembly/assemble';
import { optionId, teamOptions } from './proposedTeams';

const team = (...ids: string[]) => ({ members: ids.map((personId) => ({ personId })) }) as unknown as Team;

describe('proposed team configurations as live-vote options', () => {
  it('labels each team as the Teams step letters its cards, with its members’ names, and ids that differ', () => {
    const names: Record<string, string> = { p1: 'Ana', p2: 'Bo', p3: 'Zora' };
    const options = teamOptions([team('p1', 'p3'), team('p2', 'p3')], (id) => names[id] ?? id);
    expect(options).toEqual([
      { id: '1-team-a-ana-zora', label: 'Team A: Ana, Zora' },
      { id: '2-team-b-bo-zora', label: 'Team B: Bo, Zora' },
    ]);
    expect(optionId('Team A: Zora, Ana', 0)).toBe('1-team-a-zora-ana');
  });

  it('keeps within the host’s limits: at most 12 options, labels of at most 200 characters', () => {
    const many = Array.from({ length: 15 }, (_, i) => team(...Array.from({ length: 40 }, (_, j) => `person-${i}-${j}`)));
    const options = teamOptions(many, (id) => `Someone called ${id}`);
    expect(options).toHaveLength(12);
    for (const o of options) expect(o.label.length).toBeLessThanOrEqual(200);
    expect(new Set(options.map((o) => o.id)).size).toBe(12);
  });
});
