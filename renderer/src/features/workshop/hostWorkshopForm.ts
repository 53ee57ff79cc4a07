import type { LanInterface } from '../../../../shared/platformApi';

/** The port field of "Host a workshop": a whole number 1-65535, or the reason it is not. */
export function parsePort(text: string): { ok: true; port: number } | { ok: false; error: string } {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return { ok: false, error: 'The port is a whole number, for example 8080.' };
  const port = Number(t);
  if (port < 1 || port > 65535) return { ok: false, error: 'The port must be between 1 and 65535.' };
  return { ok: true, port };
}

/** How an interface reads in the picker. */
export const interfaceLabel = (i: LanInterface) => `${i.name} · ${i.address}${i.internal ? ' (this computer only)' : ''}`;

/** The interface to offer first: the first one others can reach, else the first at all. */
export const defaultInterface = (list: readonly LanInterface[]) => (list.find((i) => !i.internal) ?? list[0])?.address ?? '';
