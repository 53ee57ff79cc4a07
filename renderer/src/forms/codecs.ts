import type { z } from 'zod';
import { plainProblem } from '../../../shared/model/plainErrors';
import type { FieldCodec } from './sharedField';

/** Text, trimmed, checked by `schema`. */
export function textCodec(label: string, schema: z.ZodType): FieldCodec<string> {
  return {
    format: (v) => v,
    parse: (text) => {
      const value = text.trim();
      const problem = plainProblem(schema, value, label);
      return problem ? { ok: false, message: problem } : { ok: true, value };
    },
  };
}

/** Optional text: empty means "not set". */
export function optionalTextCodec(label: string, schema: z.ZodType, check?: (value: string) => string | null): FieldCodec<string | undefined> {
  return {
    format: (v) => v ?? '',
    parse: (text) => {
      const value = text.trim();
      if (!value) return { ok: true, value: undefined };
      const problem = plainProblem(schema, value, label) ?? check?.(value) ?? null;
      return problem ? { ok: false, message: problem } : { ok: true, value };
    },
  };
}

/** An optional number: empty means "not set". */
export function optionalNumberCodec(label: string, schema: z.ZodType): FieldCodec<number | undefined> {
  return {
    format: (v) => (v === undefined ? '' : String(v)),
    parse: (text) => {
      const t = text.trim();
      if (!t) return { ok: true, value: undefined };
      const value = Number(t.replace(',', '.'));
      const problem = plainProblem(schema, value, label);
      return problem ? { ok: false, message: problem } : { ok: true, value };
    },
  };
}

/** An IANA time zone name, as the engine's time-zone overlap needs. */
export function timeZoneProblem(name: string): string | null {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return null;
  } catch {
    return `“${name}” is not a time zone. Use a name like Europe/Lisbon or America/Sao_Paulo.`;
  }
}
