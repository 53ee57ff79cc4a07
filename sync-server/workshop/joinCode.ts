/** Letters and digits that cannot be mistaken for one another when read off a wall (no 0/O, 1/I/L). */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

/** A six-character join code from `randomBytes` (crypto in the host, seeded in tests). */
export function makeJoinCode(randomBytes: (n: number) => Uint8Array): string {
  let code = '';
  while (code.length < JOIN_CODE_LENGTH) {
    for (const b of randomBytes(JOIN_CODE_LENGTH * 2)) {
      // rejection sampling keeps every character equally likely
      if (b < 256 - (256 % JOIN_CODE_ALPHABET.length) && code.length < JOIN_CODE_LENGTH) code += JOIN_CODE_ALPHABET[b % JOIN_CODE_ALPHABET.length];
    }
  }
  return code;
}

/** What a participant typed, as a code: upper case, without spaces or dashes; null if it cannot be one. */
export function normaliseJoinCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== JOIN_CODE_LENGTH) return null;
  for (const ch of code) if (!JOIN_CODE_ALPHABET.includes(ch)) return null;
  return code;
}
