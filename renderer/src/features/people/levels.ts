/**
 * Skill levels are stored from 0 to 1 (the network file, the engine and the CLI use that scale);
 * every screen shows and takes them on one scale, 0 to 100.
 */
export const LEVEL_MAX = 100;
export const LEVEL_STEP = 5;

export const formatLevel = (level: number) => String(Math.round(level * LEVEL_MAX));

/** A level typed on the 0–100 scale, as stored (0–1); null when it is not a number in range. */
export function levelFromInput(text: string): number | null {
  const n = Number(text.trim().replace(',', '.'));
  if (!text.trim() || !Number.isFinite(n) || n < 0 || n > LEVEL_MAX) return null;
  return n / LEVEL_MAX;
}
