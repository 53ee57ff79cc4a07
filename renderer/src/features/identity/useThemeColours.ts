import { useEffect, useState } from 'react';

/** Reads CSS variables of the theme for SVG drawing, and re-reads them when `data-theme` changes. */
export function useThemeColours<N extends string>(names: readonly N[]): Record<N, string> {
  const read = () => {
    const style = getComputedStyle(document.documentElement);
    return Object.fromEntries(names.map((n) => [n, style.getPropertyValue(`--${n}`).trim()])) as Record<N, string>;
  };
  const [colours, setColours] = useState(read);
  useEffect(() => {
    const observer = new MutationObserver(() => setColours(read()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] });
    return () => observer.disconnect();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  return colours;
}
