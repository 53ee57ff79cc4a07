import type { z } from 'zod';

/**
 * Validation failures in plain language, for people editing a form. Files and the CLI keep the
 * JSON-path form (`ValidationError`), where the path helps; a form shows one sentence beside the
 * field that needs it.
 */
type Issue = z.core.$ZodIssue;

const num = (n: unknown) => (typeof n === 'bigint' ? n.toString() : typeof n === 'number' ? String(n) : String(n));

export function plainIssue(issue: Issue, label: string): string {
  switch (issue.code) {
    case 'too_small': {
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? `${label} can’t be empty.` : `${label} needs at least ${num(issue.minimum)} characters.`;
      if (issue.origin === 'array') return `${label} needs at least ${num(issue.minimum)}.`;
      if (Number(issue.minimum) === 0) return issue.inclusive ? `${label} can’t be negative.` : `${label} must be more than 0.`;
      return issue.inclusive ? `${label} must be ${num(issue.minimum)} or more.` : `${label} must be more than ${num(issue.minimum)}.`;
    }
    case 'too_big': {
      if (issue.origin === 'string') return `${label} can have at most ${num(issue.maximum)} characters.`;
      if (issue.origin === 'array') return `${label} can have at most ${num(issue.maximum)}.`;
      return issue.inclusive ? `${label} must be ${num(issue.maximum)} or less.` : `${label} must be less than ${num(issue.maximum)}.`;
    }
    case 'invalid_type':
      if (issue.expected === 'number') return `${label} must be a number.`;
      if (issue.expected === 'string') return `${label} must be text.`;
      return `${label} is missing or of the wrong kind.`;
    case 'invalid_format':
      return `${label} is not in the expected format.`;
    case 'invalid_value':
      return `${label} must be one of: ${issue.values.map(String).join(', ')}.`;
    case 'not_multiple_of':
      return `${label} must be a multiple of ${num(issue.divisor)}.`;
    default:
      return `${label}: ${issue.message}`;
  }
}

/** Validates `value`; the plain message for its first problem, or null when it is fine. */
export function plainProblem(schema: z.ZodType, value: unknown, label: string): string | null {
  const result = schema.safeParse(value);
  return result.success ? null : plainIssue(result.error.issues[0], label);
}
