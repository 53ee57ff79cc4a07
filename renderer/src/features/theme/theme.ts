import { useSyncExternalStore } from 'react';

/**
 * Light and dark themes. The user's choice (a device preference, not shared with co-editors) is
 * `system`, `light` or `dark`; `system` follows `prefers-color-scheme` live. The resolved theme is
 * set as `<html data-theme>`, which styles.css keys its colour variables on, and which canvas code
 * watches to redraw.
 */
export type ThemeChoice = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
export const THEME_LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };
const KEY = 'archipelago.theme';

export interface ThemeEnv {
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  media: MediaQueryList | null;
  root: HTMLElement;
}

export function parseChoice(raw: string | null): ThemeChoice {
  return raw === 'light' || raw === 'dark' || raw === 'system' ? raw : 'system';
}

export function resolveTheme(choice: ThemeChoice, systemDark: boolean): Theme {
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
}

/** The theme controller: one per page (see `installTheme`). */
export class ThemeController {
  private choice: ThemeChoice;
  private readonly listeners = new Set<() => void>();
  private snapshot: { choice: ThemeChoice; theme: Theme };

  constructor(private readonly env: ThemeEnv) {
    let stored: string | null = null;
    try {
      stored = env.storage.getItem(KEY);
    } catch {
      // storage unavailable: follow the system
    }
    this.choice = parseChoice(stored);
    this.snapshot = { choice: this.choice, theme: this.resolved() };
    env.media?.addEventListener('change', this.apply);
    this.apply();
  }

  private resolved(): Theme {
    return resolveTheme(this.choice, this.env.media?.matches ?? false);
  }

  private apply = () => {
    const theme = this.resolved();
    this.env.root.dataset.theme = theme;
    if (this.snapshot.choice !== this.choice || this.snapshot.theme !== theme) {
      this.snapshot = { choice: this.choice, theme };
      for (const l of this.listeners) l();
    }
  };

  get = () => this.snapshot;

  set(choice: ThemeChoice): void {
    this.choice = choice;
    try {
      this.env.storage.setItem(KEY, choice);
    } catch {
      // not remembered, but still applied
    }
    this.apply();
  }

  /** system → light → dark → system. */
  cycle(): ThemeChoice {
    const next = THEME_CHOICES[(THEME_CHOICES.indexOf(this.choice) + 1) % THEME_CHOICES.length];
    this.set(next);
    return next;
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };
}

let controller: ThemeController | undefined;

/** Applies the stored theme before the first render (no flash of the wrong theme). */
export function installTheme(): ThemeController {
  return (controller ??= new ThemeController({
    storage: localStorage,
    media: typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null,
    root: document.documentElement,
  }));
}

export function useTheme(): { choice: ThemeChoice; theme: Theme; set(choice: ThemeChoice): void; cycle(): ThemeChoice } {
  const c = installTheme();
  const snap = useSyncExternalStore(c.subscribe, c.get);
  return { ...snap, set: (choice) => c.set(choice), cycle: () => c.cycle() };
}
