import { describe, expect, it } from 'vitest';
import { ThemeController, parseChoice, resolveTheme } from './theme';

function fakeMedia(matches: boolean) {
  const listeners = new Set<() => void>();
  return {
    media: {
      get matches() {
        return matches;
      },
      addEventListener: (_: string, l: () => void) => listeners.add(l),
    } as unknown as MediaQueryList,
    flip(next: boolean) {
      matches = next;
      for (const l of listeners) l();
    },
  };
}
const memoryStorage = () => {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
};

describe('themes', () => {
  it('parses stored choices, defaulting to the system', () => {
    expect(parseChoice('dark')).toBe('dark');
    expect(parseChoice('neon')).toBe('system');
    expect(parseChoice(null)).toBe('system');
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('light', true)).toBe('light');
  });

  it('follows the system live until overridden, and remembers the override', () => {
    const m = fakeMedia(false);
    const storage = memoryStorage();
    const root = { dataset: {} as Record<string, string> } as unknown as HTMLElement;
    const c = new ThemeController({ storage, media: m.media, root });
    expect(root.dataset.theme).toBe('light');
    let changes = 0;
    c.subscribe(() => changes++);
    m.flip(true);
    expect(root.dataset.theme).toBe('dark');
    c.set('light');
    expect(root.dataset.theme).toBe('light');
    m.flip(false);
    m.flip(true);
    expect(root.dataset.theme).toBe('light'); // the override holds
    expect(changes).toBe(2);
    const again = new ThemeController({ storage, media: m.media, root });
    expect(again.get()).toEqual({ choice: 'light', theme: 'light' });
    expect(again.cycle()).toBe('dark');
    expect(again.cycle()).toBe('system');
    expect(root.dataset.theme).toBe('dark');
  });
});
