import { describe, expect, it } from 'vitest';
import { canonicalJson, CanonicalEncodingError } from './canonical';

// Fixed vectors, written by hand from the rules in SIGNING.md (not produced by the code under test).
const VECTORS: [unknown, string][] = [
  [null, 'null'],
  [true, 'true'],
  [0, '0'],
  [-0, '0'],
  [1.5, '1.5'],
  [1e21, '1e+21'],
  [0.000001, '0.000001'],
  [1e-7, '1e-7'],
  [100, '100'],
  ['', '""'],
  ['a"b\\c\n\u0001é😀', '"a\\"b\\\\c\\n\\u0001é😀"'],
  [[], '[]'],
  [{}, '{}'],
  [{ b: 1, a: [3, 2, { d: null, c: 'x' }] }, '{"a":[3,2,{"c":"x","d":null}],"b":1}'],
  [{ B: 1, a: 2, _: 3, '1': 4 }, '{"1":4,"B":1,"_":3,"a":2}'],
  [{ 'é': 1, z: 2 }, '{"z":2,"é":1}'],
  [{ outer: { ' space': true, tab: '\t' } }, '{"outer":{" space":true,"tab":"\\t"}}'],
];

describe('canonical encoding', () => {
  it.each(VECTORS)('encodes %j exactly', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('does not depend on key insertion order', () => {
    expect(canonicalJson({ x: 1, y: { q: 2, p: 3 } })).toBe(canonicalJson({ y: { p: 3, q: 2 }, x: 1 }));
  });

  it.each([
    [{ a: undefined }, '$.a'],
    [[1, Number.NaN], '$[1]'],
    [{ n: Infinity }, '$.n'],
    [{ d: new Date(0) }, '$.d'],
    [{ f: () => 1 }, '$.f'],
    [{ b: 1n }, '$.b'],
  ])('rejects %s, naming %s', (value, path) => {
    expect(() => canonicalJson(value)).toThrow(CanonicalEncodingError);
    expect(() => canonicalJson(value)).toThrow(path);
  });
});
