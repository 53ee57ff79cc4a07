import { describe, expect, it } from 'vitest';
import type { Person, Tie } from '../../../../shared/model/network';
import { bandOf, cityArcs, clusterByCity, teamOnMap } from './mapModel';

const at = (id: string, city: string, lon: number, lat: number, timezone: string, skills: string[]): Person => ({
  id,
  name: id.toUpperCase(),
  skills: skills.map((skill) => ({ skill, level: 0.7 })),
  location: { city, country: 'XX', lon, lat },
  timezone,
});
const people = [
  at('a', 'Lisbon', -9.1, 38.7, 'Europe/Lisbon', ['ui-design']),
  at('b', 'Lisbon', -9.1, 38.7, 'Europe/Lisbon', ['regulatory']),
  at('c', 'Singapore', 103.8, 1.35, 'Asia/Singapore', ['regulatory']),
  at('d', 'Nairobi', 36.8, -1.3, 'Africa/Nairobi', ['storytelling']),
  { id: 'e', name: 'E', skills: [] } satisfies Person,
];
const ties: Tie[] = [
  { from: 'a', to: 'c', trust: 0.4 },
  { from: 'b', to: 'c', trust: 0.9 },
  { from: 'a', to: 'b', trust: 0.8 },
  { from: 'c', to: 'd', trust: 0.5 },
];

describe('map model', () => {
  it('puts everyone at one city in one cluster, and leaves out people without a place', () => {
    const c = clusterByCity(people, { skill: '', band: '' });
    expect(c.map((x) => [x.city, x.people.map((p) => p.id)])).toEqual([
      ['Lisbon', ['a', 'b']],
      ['Nairobi', ['d']],
      ['Singapore', ['c']],
    ]);
  });
  it('filters by skill and by time-zone band', () => {
    expect(clusterByCity(people, { skill: 'regulatory', band: '' }).flatMap((x) => x.people.map((p) => p.id)).sort()).toEqual(['b', 'c']);
    expect(clusterByCity(people, { skill: '', band: 'apac' }).flatMap((x) => x.people.map((p) => p.id))).toEqual(['c']);
    expect(bandOf('America/New_York')).toBe('americas');
    expect(bandOf('Africa/Nairobi')).toBe('emea');
    expect(bandOf(undefined)).toBeNull();
  });
  it('draws one arc per city pair, the strongest tie, and none inside a city', () => {
    const arcs = cityArcs(people, ties, { skill: '', band: '' });
    expect(arcs).toHaveLength(2);
    expect(arcs.find((a) => a.to[0] === 103.8 || a.from[0] === 103.8 && a.to[0] === -9.1)?.trust).toBe(0.9);
    expect(cityArcs(people, ties, { skill: 'regulatory', band: '' })).toHaveLength(1);
  });
  it('draws a team with its members, the ties among them and who has no place', () => {
    const t = teamOnMap(people, ties, [
      { personId: 'a', roleLabel: 'UI' },
      { personId: 'c', roleLabel: 'Reg' },
      { personId: 'e', roleLabel: 'Story' },
    ]);
    expect(t.members.map((m) => m.person.id)).toEqual(['a', 'c']);
    expect(t.unplaced).toEqual(['E']);
    expect(t.arcs).toEqual([{ from: [-9.1, 38.7], to: [103.8, 1.35], trust: 0.4 }]);
  });
});
