import { describe, expect, it } from 'vitest';
import { candidateParties } from './candidateParties';

const key = (c: string) => c.repeat(64);
const members = [
  { key: key('a'), name: 'Ana Sousa', joinedAt: 1 },
  { key: key('b'), name: 'kofi mensah ', joinedAt: 2 },
  { key: key('c'), name: 'Lin', joinedAt: 3 },
];

describe('candidateParties', () => {
  it('suggests accepted team members who are workspace members, and me, with role and time zone', () => {
    const out = candidateParties(members, [{ personId: 'p2', name: 'Kofi Mensah', timezone: 'Africa/Accra', role: 'Backend' }], key('a'), 'Europe/Lisbon');
    expect(out.map((c) => [c.party.name, c.suggested, c.party.timezone, c.party.scope])).toEqual([
      ['Ana Sousa', true, 'Europe/Lisbon', ''],
      ['kofi mensah ', true, 'Africa/Accra', 'Backend'],
      ['Lin', false, 'UTC', ''],
    ]);
  });
});
