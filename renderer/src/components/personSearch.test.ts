import { describe, expect, it } from 'vitest';
import { personIndex, resolvePerson } from './personSearch';

const people = [
  { id: 'p1', name: 'Ana Sousa', city: 'Lisbon' },
  { id: 'p2', name: 'Chidi Okafor', city: 'Lagos' },
  { id: 'p3', name: 'Zoë Müller', city: 'Berlin' },
  { id: 'p4', name: 'Ana Sousa', city: 'Porto' },
];

describe('finding a person by what was typed', () => {
  it('resolves a unique name without the id, ignoring case and accents', () => {
    expect(resolvePerson(people, 'chidi okafor')).toEqual({ ok: true, person: people[1] });
    expect(resolvePerson(people, 'Zoe Muller')).toEqual({ ok: true, person: people[2] });
    expect(resolvePerson(people, 'Ana Sousa (p4)')).toEqual({ ok: true, person: people[3] });
    expect(resolvePerson(people, 'p1')).toEqual({ ok: true, person: people[0] });
  });
  it('says why when the text is ambiguous or unknown', () => {
    expect(resolvePerson(people, 'ana sousa')).toMatchObject({ ok: false, reason: expect.stringMatching(/2 people are called/) });
    expect(resolvePerson(people, 'Nobody')).toMatchObject({ ok: false, reason: expect.stringMatching(/No one called “Nobody”/) });
    expect(resolvePerson(people, ' ')).toMatchObject({ ok: false });
  });
  it('suggests people for partial and misspelt names', () => {
    const search = personIndex(people);
    expect(search('chid')[0].id).toBe('p2');
    expect(search('okafr')[0].id).toBe('p2');
    expect(search('zoe').map((p) => p.id)).toContain('p3');
    expect(search('')).toEqual([]);
  });
});
