import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DeviceSettingsSchema, readDeviceSettings, relayIssue } from '../shared/deviceRelays';
import type { DesktopSettings } from '../shared/platformApi';

/** What the renderer may change over IPC: the relays (a list of at least one, or null), nothing else. */
export const SettingsPatchSchema = DeviceSettingsSchema.partial();

/**
 * Desktop settings in a JSON file under the app's userData, written atomically (a temporary file,
 * then a rename: a crash leaves the old file or the new one, never half of one). A file of an earlier
 * version (one `relayUrl`) is read as a list of one relay and rewritten in the current shape.
 */
export class SettingsStore {
  constructor(private readonly file: string) {}

  read(): DesktopSettings {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.file, 'utf8'));
    } catch {
      raw = undefined; // missing or unreadable: defaults
    }
    const stored = raw === undefined ? null : readDeviceSettings(raw);
    // a fresh install stays on this device until the user chooses a relay (see DEFAULT_RELAY_URL)
    if (!stored) return { relayUrls: null };
    const settings = { relayUrls: stored.relayUrls };
    if (stored.legacy) {
      try {
        this.write(settings);
      } catch {
        // read-only folder: still read as a list; rewritten at the next save
      }
    }
    return settings;
  }

  /** Validates the patch (it comes over IPC from the renderer) and saves the result; a bad patch throws a clear error and changes nothing. */
  update(patch: unknown): DesktopSettings {
    const parsed = SettingsPatchSchema.safeParse(patch);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(issue.path[0] === 'relayUrls' ? `relays: ${relayIssue(parsed.error, 1)}` : `settings: ${issue.message}${issue.path.length ? ` (${issue.path.join('.')})` : ''}`);
    }
    const next: DesktopSettings = { ...this.read(), ...parsed.data };
    this.write(next);
    return next;
  }

  private write(settings: DesktopSettings) {
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(`${this.file}.tmp`, JSON.stringify(settings, null, 2));
    renameSync(`${this.file}.tmp`, this.file);
  }
}
