import { useEffect, useState } from 'react';

/** The canvas's colours, read from the CSS variables of the current theme (styles.css :root). */
export interface CanvasTheme {
  bg: string;
  panel: string;
  ink: string;
  muted: string;
  line: string;
  accent: string;
  selected: string;
  warn: string;
  ok: string;
  link: string;
}

export function readTheme(root: HTMLElement = document.documentElement): CanvasTheme {
  const css = getComputedStyle(root);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    bg: v('--bg', 'white'),
    panel: v('--panel', 'white'),
    ink: v('--ink', 'black'),
    muted: v('--muted', 'gray'),
    line: v('--line', 'silver'),
    accent: v('--accent', 'royalblue'),
    selected: v('--selected', 'lightblue'),
    warn: v('--warn', 'orange'),
    ok: v('--ok', 'green'),
    link: v('--link', 'blue'),
  };
}

/** The theme's colours, read again whenever `<html>`'s data-theme (or class/style) changes. */
export function useCanvasTheme(): CanvasTheme {
  const [theme, setTheme] = useState(readTheme);
  useEffect(() => {
    const observer = new MutationObserver(() => setTheme(readTheme()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] });
    const media = window.matchMedia?.('(prefers-color-scheme: dark)');
    const onMedia = () => setTheme(readTheme());
    media?.addEventListener?.('change', onMedia);
    return () => {
      observer.disconnect();
      media?.removeEventListener?.('change', onMedia);
    };
  }, []);
  return theme;
}
