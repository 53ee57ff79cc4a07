/**
 * The one canonical encoding of everything Archipelago signs (see ./SIGNING.md).
 *
 * It is JSON with:
 * - object keys sorted by UTF-16 code unit (JavaScript's default string order), no duplicates;
 * - no whitespace;
 * - strings escaped exactly as `JSON.stringify` escapes them;
 * - numbers in ECMAScript's shortest round-trip form (`String(n)`), finite only, `-0` written `0`;
 * - `true`, `false`, `null`; arrays keep their order.
 * `undefined`, functions, symbols, bigints, NaN and ±Infinity are rejected, never silently dropped, so
 * two values that encode the same are the same JSON value. This is RFC 8785 (JCS) for the values we
 * sign (we never sign numbers outside the safe-integer range or non-BMP keys, where JCS is subtle).
 */
export class CanonicalEncodingError extends Error {
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`cannot encode ${path}: ${detail}`);
    this.name = 'CanonicalEncodingError';
  }
}

export function canonicalJson(value: unknown): string {
  return encode(value, '$');
}

function encode(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalEncodingError(path, `non-finite number ${value}`);
      return Object.is(value, -0) ? '0' : String(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v, i) => encode(v, `${path}[${i}]`)).join(',')}]`;
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) throw new CanonicalEncodingError(path, 'only plain objects can be signed');
      const keys = Object.keys(value).sort();
      const parts: string[] = [];
      for (const k of keys) {
        const v = (value as Record<string, unknown>)[k];
        parts.push(`${JSON.stringify(k)}:${encode(v, `${path}.${k}`)}`);
      }
      return `{${parts.join(',')}}`;
    }
    default:
      throw new CanonicalEncodingError(path, `${typeof value} is not JSON`);
  }
}

const utf8 = new TextEncoder();

/** The UTF-8 bytes of the canonical encoding. */
export function canonicalBytes(value: unknown): Uint8Array {
  return utf8.encode(canonicalJson(value));
}
