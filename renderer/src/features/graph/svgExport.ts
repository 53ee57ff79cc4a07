/** What an exported picture holds: what is on the canvas now (filtered people only). */
export interface ExportScene {
  x: Float32Array;
  y: Float32Array;
  radius: Float32Array;
  group: Uint16Array;
  colours: readonly string[];
  names: readonly string[];
  source: Int32Array;
  target: Int32Array;
  trust: Float32Array;
  visible: Uint8Array | null;
  theme: { bg: string; ink: string; muted: string };
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The graph as a standalone SVG document: ties as lines (width shows trust), people as circles in
 * their colours with their names as titles and labels, framed to fit everyone shown.
 */
export function graphToSvg(s: ExportScene, options: { title: string; labels?: boolean } = { title: 'Archipelago network' }): string {
  const shown = (i: number) => !s.visible || s.visible[i] === 1;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let i = 0; i < s.x.length; i++) {
    if (!shown(i)) continue;
    x0 = Math.min(x0, s.x[i] - s.radius[i]); y0 = Math.min(y0, s.y[i] - s.radius[i]);
    x1 = Math.max(x1, s.x[i] + s.radius[i]); y1 = Math.max(y1, s.y[i] + s.radius[i]);
  }
  if (!Number.isFinite(x0)) [x0, y0, x1, y1] = [0, 0, 100, 100];
  const pad = 40;
  const f = (v: number) => (Math.round(v * 10) / 10).toString();
  const parts: string[] = [];
  parts.push(`<?xml version="1.0" encoding="UTF-8"?>`);
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="${f(x0 - pad)} ${f(y0 - pad)} ${f(x1 - x0 + 2 * pad)} ${f(y1 - y0 + 2 * pad)}" font-family="system-ui, sans-serif">`);
  parts.push(`<title>${esc(options.title)}</title>`);
  parts.push(`<rect x="${f(x0 - pad)}" y="${f(y0 - pad)}" width="${f(x1 - x0 + 2 * pad)}" height="${f(y1 - y0 + 2 * pad)}" fill="${esc(s.theme.bg)}"/>`);
  parts.push(`<g class="ties" stroke="${esc(s.theme.muted)}" stroke-opacity="0.45">`);
  for (let e = 0; e < s.source.length; e++) {
    const a = s.source[e];
    const b = s.target[e];
    if (!shown(a) || !shown(b)) continue;
    parts.push(`<line x1="${f(s.x[a])}" y1="${f(s.y[a])}" x2="${f(s.x[b])}" y2="${f(s.y[b])}" stroke-width="${f(0.4 + 2 * s.trust[e])}"/>`);
  }
  parts.push(`</g><g class="people">`);
  for (let i = 0; i < s.x.length; i++) {
    if (!shown(i)) continue;
    parts.push(`<circle cx="${f(s.x[i])}" cy="${f(s.y[i])}" r="${f(s.radius[i])}" fill="${esc(s.colours[s.group[i]] ?? s.theme.muted)}" data-name="${esc(s.names[i])}"><title>${esc(s.names[i])}</title></circle>`);
  }
  parts.push(`</g>`);
  if (options.labels) {
    parts.push(`<g class="labels" fill="${esc(s.theme.ink)}" font-size="9">`);
    for (let i = 0; i < s.x.length; i++) if (shown(i)) parts.push(`<text x="${f(s.x[i] + s.radius[i] + 2)}" y="${f(s.y[i] + 3)}">${esc(s.names[i])}</text>`);
    parts.push(`</g>`);
  }
  parts.push(`</svg>`);
  return parts.join('\n');
}

/** Saves a blob as a file through a temporary link (works in the browser and in Electron). */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
