import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PersonSchema, TieSchema } from './network';
import { plainProblem } from './plainErrors';

describe('plain validation messages', () => {
  it('says what is wrong with a field without schema paths', () => {
    expect(plainProblem(PersonSchema.shape.rate, -5, 'Hourly rate')).toBe('Hourly rate can’t be negative.');
    expect(plainProblem(PersonSchema.shape.name, '', 'Name')).toBe('Name can’t be empty.');
    expect(plainProblem(TieSchema.shape.trust, 0, 'Trust')).toBe('Trust must be more than 0.');
    expect(plainProblem(TieSchema.shape.trust, 2, 'Trust')).toBe('Trust must be 1 or less.');
    expect(plainProblem(PersonSchema.shape.rate, Number.NaN, 'Hourly rate')).toBe('Hourly rate must be a number.');
    expect(plainProblem(z.string().max(3), 'abcd', 'Code')).toBe('Code can have at most 3 characters.');
  });
  it('passes valid values', () => {
    expect(plainProblem(PersonSchema.shape.rate, 40, 'Hourly rate')).toBeNull();
    for (const v of [-1, '', NaN]) expect(plainProblem(PersonSchema.shape.rate, v, 'Rate')).not.toMatch(/\$|expected|>=/);
  });
});
