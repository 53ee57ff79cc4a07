import { describe, expect, it } from 'vitest';
import { CsvError, guessMapping, networkFromRows, parseCsv, readPeopleRows, readTieRows } from './csvImport';

const people = `Name,Skills,City,Hourly rate,Availability
"Sousa, Ana",UI design 80; storytelling: 0.6,Lisbon,60,50%
Kofi Mensah,Carbon accounting,Atlantis,45,1
,UI design,Lisbon,10,1
Mei Tan,Basket weaving 90,Singapore,-4,1
`;

describe('people and ties from CSV', () => {
  it('reads quoted fields, guesses the mapping from headers, and checks every row in plain words', () => {
    const table = parseCsv(`\uFEFF${people}`);
    const { kind, mapping } = guessMapping(table.headers);
    expect(kind).toBe('people');
    expect(mapping).toEqual({ name: 0, skills: 1, city: 2, rate: 3, availability: 4 });
    const rows = readPeopleRows(table, mapping);
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 5]);
    expect(rows[0].value).toMatchObject({ id: 'sousa-ana', name: 'Sousa, Ana', rate: 60, availability: 0.5, timezone: 'Europe/Lisbon', location: { city: 'Lisbon', country: 'PT' }, skills: [{ skill: 'ui-design', level: 0.8 }, { skill: 'storytelling', level: 0.6 }] });
    expect(rows[1].value).toBeDefined();
    expect(rows[1].warnings).toEqual(['“Atlantis” is not a city we know: imported without a location']);
    expect(rows[2]).toMatchObject({ value: undefined, errors: ['name can’t be empty.'] });
    expect(rows[3].errors).toEqual(expect.arrayContaining(['“Basket weaving” is not a skill we know', 'rate can’t be negative.']));
    for (const r of rows) for (const e of r.errors) expect(e).not.toMatch(/\$|expected/);
  });

  it('reads ties by name or id against the people already here, and explains unknown or ambiguous names', () => {
    const known = [
      { id: 'p1', name: 'Ana Sousa' },
      { id: 'p2', name: 'Kofi Mensah' },
      { id: 'p3', name: 'Mei Tan' },
      { id: 'p4', name: 'Mei Tan' },
    ];
    const table = parseCsv('from;to;trust;kind\nAna Sousa;p2;0.9;worked-with\nkofi mensah;Ana Sousa;80%;\nAna Sousa;Mei Tan;0.5;\nAna Sousa;Nobody;0.5;\np1;p1;0.5;\n');
    const { kind, mapping } = guessMapping(table.headers);
    expect(kind).toBe('ties');
    const rows = readTieRows(table, mapping, known);
    expect(rows[0].value).toEqual({ from: 'p1', to: 'p2', trust: 0.9, kind: 'worked-with' });
    expect(rows[1].value).toEqual({ from: 'p2', to: 'p1', trust: 0.8 });
    expect(rows[2].errors).toEqual(['To: 2 people are called “Mei Tan”; use their id']);
    expect(rows[3].errors).toEqual(['To: nobody called “Nobody”']);
    expect(rows[4].errors).toEqual(['a tie needs two different people']);
    const file = networkFromRows('ties', rows, known.map((p) => ({ ...p, skills: [] })));
    expect(file.ties).toHaveLength(2);
    expect(file.people.map((p) => p.id).sort()).toEqual(['p1', 'p2']);
  });

  it('a bad file is refused with the reason, before anything is planned', () => {
    expect(() => parseCsv('')).toThrow(CsvError);
    expect(() => parseCsv('name,rate\n')).toThrow(/no rows/);
    expect(() => parseCsv('name,rate\n"Ana,5\n')).toThrow(CsvError);
    const table = parseCsv('colour,size\nred,3\n');
    expect(() => readPeopleRows(table, guessMapping(table.headers).mapping)).toThrow(/column that holds each person’s name/);
    const allBad = readPeopleRows(parseCsv('name,rate\n,5\n'), { name: 0, rate: 1 });
    expect(() => networkFromRows('people', allBad, [])).toThrow(/no row can be imported/);
  });
});
