import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { normaliseRelayUrl, type DesktopSettings } from '../shared/platformApi';

const SettingsSchema = z.object({
  relayUrl: z.union([z.string().transform((s, ctx) => {
    try {
      return normaliseRelayUrl(s);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message });
      return z.NEVER;
    }
  }), z.null()]),
});

export const SettingsPatchSchema = SettingsSchema.partial().strict();

/** Desktop settings in a JSON file under the app's userData, written atomically. */
export class SettingsStore {
  constructor(private readonly file: string) {}

  read(): DesktopSettings {
    try {
      const parsed = SettingsSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      if (parsed.success) return parsed.data;
    } catch {
      // missing or unreadable: defaults
    }
    // a fresh install stays on this device until the user chooses a relay (see DEFAULT_RELAY_URL)
    return { relayUrl: null };
  }

  /** Validates the patch (it comes over IPC from the renderer) and saves the result. */
  update(patch: unknown): DesktopSettings {
    const valid = SettingsPatchSchema.parse(patch);
    const next = { ...this.read(), ...valid };
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(`${this.file}.tmp`, JSON.stringify(next, null, 2));
    renameSync(`${this.file}.tmp`, this.file);
    return next;
  }
}
