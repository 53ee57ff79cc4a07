import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateNetwork } from '../demo/generateNetwork';
import { PersonSchema, TieSchema } from './network';
import { quickPerson, quickTie } from './quickValidate';

// values near every rule's edges, of every type the schema meets
const anyValue = fc.oneof(
  fc.constantFrom(undefined, null, '', 'a', 'ab', 'abc', 'abcd', 'EUR', 0, -0, 1, -1, 0.5, 1.0000001, -90, 90, 90.5, -180, 180, 181, NaN, Infinity, -Infinity, true, [], {}),
  fc.string({ maxLength: 5 }),
  fc.double(),
);
const maybe = <T,>(arb: fc.Arbitrary<T>) => fc.oneof(arb, anyValue);
const location = fc.oneof(
  fc.record({ city: maybe(fc.string({ minLength: 1, maxLength: 8 })), country: maybe(fc.constantFrom('PT', 'NGA', 'X', 'ABCD')), lat: maybe(fc.double({ min: -100, max: 100 })), lon: maybe(fc.double({ min: -200, max: 200 })) }, { requiredKeys: [] }),
  anyValue,
);
const skill = fc.oneof(fc.record({ skill: maybe(fc.string({ minLength: 1, maxLength: 6 })), level: maybe(fc.double({ min: -0.5, max: 1.5 })) }, { requiredKeys: [] }), fc.record({ skill: fc.constant('x'), level: fc.constant(0.5), extra: anyValue }), anyValue);
const person = fc.record(
  {
    id: maybe(fc.string({ minLength: 1, maxLength: 6 })),
    name: maybe(fc.string({ minLength: 0, maxLength: 6 })),
    skills: fc.oneof(fc.array(skill, { maxLength: 4 }), anyValue),
    location,
    timezone: maybe(fc.constantFrom('Europe/Lisbon', 'UTC')),
    rate: maybe(fc.double({ min: -10, max: 500 })),
    currency: maybe(fc.constantFrom('EUR', 'US', 'USDX')),
    availability: maybe(fc.double({ min: -1, max: 2 })),
    extra: anyValue,
  },
  { requiredKeys: [] },
);
const tie = fc.record({ from: maybe(fc.string({ minLength: 1, maxLength: 4 })), to: maybe(fc.string({ minLength: 1, maxLength: 4 })), trust: maybe(fc.double({ min: -0.5, max: 1.5 })), kind: maybe(fc.constantFrom('knows', '')), extra: anyValue }, { requiredKeys: [] });

/** The fast path agrees with zod: it accepts only what zod accepts, and returns zod's output exactly. */
function agrees<T>(quick: (v: unknown) => T | undefined, schema: { safeParse(v: unknown): { success: boolean; data?: T } }, value: unknown) {
  const fast = quick(value);
  const slow = schema.safeParse(value);
  if (fast === undefined) return;
  expect(slow.success).toBe(true);
  expect(fast).toStrictEqual(slow.data);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(slow.data)); // the same keys in the same order
}

describe('quickPerson / quickTie: a fast path that never disagrees with the zod schemas', () => {
  it('never accepts a person zod rejects, and returns what zod returns', () => {
    fc.assert(fc.property(person, (p) => agrees(quickPerson, PersonSchema, p)), { numRuns: 3000 });
  });

  it('never accepts a tie zod rejects, and returns what zod returns', () => {
    fc.assert(fc.property(tie, (t) => agrees(quickTie, TieSchema, t)), { numRuns: 3000 });
  });

  it('takes the fast path for every record the demo generator writes (it is not a fast path to nowhere)', () => {
    const net = generateNetwork({ people: 300, seed: 4 });
    for (const p of net.people) {
      expect(quickPerson(p)).toStrictEqual(PersonSchema.parse(p));
    }
    for (const t of net.ties) expect(quickTie(t)).toStrictEqual(TieSchema.parse(t));
  });

  it('leaves bad records to zod, which names the problem', () => {
    const bad = { id: 'p1', name: '', skills: [] };
    expect(quickPerson(bad)).toBeUndefined();
    expect(PersonSchema.safeParse(bad).success).toBe(false);
    expect(quickTie({ from: 'a', to: 'b', trust: 0 })).toBeUndefined();
    expect(quickPerson({ id: 'p1', name: 'Ana', skills: [], nickname: 'A' })).toBeUndefined(); // zod strips it: let zod do so
  });
});
