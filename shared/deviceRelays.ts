import { z } from 'zod';
import { normaliseRelayUrl } from './platformApi';

/**
 * This device's relays (the desktop's settings file, the web build's localStorage): an ordered list,
 * the first tried first and the next when one cannot be reached (relays that share one Redis, DESIGN.md
 * §3 "Scale-out"), or null to stay on this device. A list has at least one relay, each a ws:// or
 * wss:// URL, none twice. One set of rules for the main process (which validates what comes over IPC)
 * and the renderer's form.
 */
export const MAX_DEVICE_RELAYS = 8;

/** One relay URL, normalised (ws:// or wss://, no query or fragment), or a clear issue. */
export const RelayUrlSchema = z.string().max(2048, 'a relay URL is at most 2048 characters').transform((s, ctx) => {
  try {
    return normaliseRelayUrl(s);
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: (e as Error).message });
    return z.NEVER;
  }
});

export const DeviceRelaysSchema = z
  .array(RelayUrlSchema)
  .min(1, 'give at least one relay (or turn sync off)')
  .max(MAX_DEVICE_RELAYS, `at most ${MAX_DEVICE_RELAYS} relays`)
  .superRefine((urls, ctx) => {
    urls.forEach((url, i) => {
      if (urls.indexOf(url) !== i) ctx.addIssue({ code: 'custom', path: [i], message: `${url} is listed twice` });
    });
  });

/** The first issue of a failed parse, in words, naming the relay it is about (`relay 2: …`). */
export function relayIssue(error: z.ZodError, pathPrefix = 0): string {
  const issue = error.issues[0];
  const at = issue.path[pathPrefix];
  return typeof at === 'number' ? `relay ${at + 1}: ${issue.message}` : issue.message;
}

/** A list of relays, normalised, or a clear error naming the relay at fault. */
export function parseDeviceRelays(input: unknown): string[] {
  const parsed = DeviceRelaysSchema.safeParse(input);
  if (!parsed.success) throw new Error(relayIssue(parsed.error));
  return parsed.data;
}

/** What the settings file holds: the relays, or null for "stay on this device". */
export const DeviceSettingsSchema = z.strictObject({ relayUrls: DeviceRelaysSchema.nullable() });

/** The settings file of earlier versions: one relay, or null. */
const LegacyDeviceSettingsSchema = z.object({ relayUrl: RelayUrlSchema.nullable() });

/**
 * A stored settings object, read: the current shape, or an earlier single relay as a list of one
 * (`legacy: true`, so the caller rewrites it). Null when it is neither (unreadable: use the defaults).
 */
export function readDeviceSettings(raw: unknown): { relayUrls: string[] | null; legacy: boolean } | null {
  const current = DeviceSettingsSchema.safeParse(raw);
  if (current.success) return { relayUrls: current.data.relayUrls, legacy: false };
  const legacy = LegacyDeviceSettingsSchema.safeParse(raw);
  if (legacy.success) return { relayUrls: legacy.data.relayUrl === null ? null : [legacy.data.relayUrl], legacy: true };
  return null;
}

/**
 * The relays a settings object names, leniently (the renderer's reading of what a platform gave it):
 * `relayUrls`, or an earlier `relayUrl` as a list of one; `null` for "stay on this device"; `undefined`
 * when it names none. Entries are kept as given: a web device relay may carry a room token
 * (`?token=`, an older workshop link).
 */
export function relaysOfSettings(settings: unknown): string[] | null | undefined {
  if (typeof settings !== 'object' || settings === null) return undefined;
  const s = settings as { relayUrls?: unknown; relayUrl?: unknown };
  if ('relayUrls' in s) {
    const urls = Array.isArray(s.relayUrls) ? s.relayUrls.filter((u): u is string => typeof u === 'string' && u.length > 0) : [];
    return urls.length ? [...new Set(urls)] : null;
  }
  if (s.relayUrl === null) return null;
  if (typeof s.relayUrl === 'string' && s.relayUrl) return [s.relayUrl];
  return undefined;
}
