/**
 * Every single-point change of a JSON value: each leaf value replaced by a different value of the same
 * type (and, for strings, also by a number), and each object key renamed. Used by the tamper tests.
 */
export interface Mutation {
  /** JSON path of the changed leaf or key, `$.items[2].body.context.role`. */
  path: string;
  what: 'value' | 'key';
  apply: (root: unknown) => unknown;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function changedLeaf(v: Json): Json[] {
  if (v === null) return [0];
  if (typeof v === 'boolean') return [!v];
  if (typeof v === 'number') return [v + 1, -v - 0.5];
  if (typeof v === 'string') {
    const flipped = v.length > 0 ? (v[v.length - 1] === '0' ? `${v.slice(0, -1)}1` : `${v.slice(0, -1)}0`) : 'x';
    return [flipped, `${v} `];
  }
  return [];
}

export function allMutations(root: unknown): Mutation[] {
  const out: Mutation[] = [];
  const walk = (value: Json, path: string, at: (string | number)[]) => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${path}[${i}]`, [...at, i]));
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        out.push({ path: `${path}.${k}`, what: 'key', apply: (r) => edit(r, at, (obj) => renameKey(obj as Record<string, Json>, k, `${k}_`)) });
        walk(v, `${path}.${k}`, [...at, k]);
      }
      return;
    }
    for (const next of changedLeaf(value)) out.push({ path, what: 'value', apply: (r) => edit(r, at, () => next) });
  };
  walk(root as Json, '$', []);
  return out;
}

function renameKey(obj: Record<string, Json>, from: string, to: string): Record<string, Json> {
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k === from ? to : k, v]));
}

/** A deep copy of `root` with the value at `at` replaced by `f(old)`. */
function edit(root: unknown, at: (string | number)[], f: (old: Json) => Json): unknown {
  const copy = structuredClone(root) as Json;
  if (at.length === 0) return f(copy);
  let parent = copy as Record<string | number, Json>;
  for (const k of at.slice(0, -1)) parent = parent[k] as Record<string | number, Json>;
  const last = at[at.length - 1];
  parent[last] = f(parent[last]);
  return copy;
}
