import type { z } from 'zod';

/** A boundary validation failure that names the JSON path of the first bad field. */
export class ValidationError extends Error {
  constructor(
    readonly path: string,
    readonly detail: string,
    readonly source = 'input',
  ) {
    super(`${source}: ${path}: ${detail}`);
    this.name = 'ValidationError';
  }
}

/** `$.people[3].skills[0].level` style path for an issue's path. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`), '$');
}

/** Parses `value` with `schema`, or throws a ValidationError naming the first bad field. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, source?: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ValidationError(jsonPath(issue.path), issue.message, source);
}
