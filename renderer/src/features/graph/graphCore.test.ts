import { describe, expect, it } from 'vitest';
import { generateNetwork } from '../../../../shared/demo/generateNetwork';
import { centreOn } from './camera';
import { drawScene, type SceneView } from './drawScene';
import { flightAt } from './flyTo';
import { buildGraphModel } from './graphModel';
import { HitIndex } from './hitIndex';
import { ForceLayout } from './layoutCore';
import { buildPalette } from './palette';
import { clusterLabels, communities } from './communities';
import { filterMask, neighbourhood, NO_FILTERS } from './filters';
import { islandOutline } from './hulls';
import { graphToSvg } from './svgExport';
import { polygonContains } from 'd3-polygon';

/** A 2D context that records what is drawn (drawScene is a pure function of view and context). */
function recordingContext() {
  const calls: Record<string, number> = {};
  const texts: string[] = [];
  const count = (name: string) => () => {
    calls[name] = (calls[name] ?? 0) + 1;
  };
  const ctx = {
    setTransform: count('setTransform'),
    fillRect: count('fillRect'),
    beginPath: count('beginPath'),
    moveTo: count('moveTo'),
    lineTo: count('lineTo'),
    arc: count('arc'),
    rect: count('rect'),
    stroke: count('stroke'),
    fill: count('fill'),
    fillText: (t: string) => texts.push(t),
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls, texts };
}

const OPTS = { width: 800, height: 600, labelZoom: 1.5, background: '#fff', edgeColour: '#888', labelColour: '#111', selectColour: '#f80' };

function lineScene(n: number): SceneView {
  // people on a line 10 apart, each tied to the next
  return {
    x: Float32Array.from({ length: n }, (_, i) => i * 10),
    y: new Float32Array(n),
    source: Int32Array.from({ length: n - 1 }, (_, i) => i),
    target: Int32Array.from({ length: n - 1 }, (_, i) => i + 1),
    trust: Float32Array.from({ length: n - 1 }, (_, i) => (i % 3) / 3 + 0.1),
    group: Uint16Array.from({ length: n }, (_, i) => i % 2),
    colours: ['#a00', '#0a0'],
    radius: new Float32Array(n).fill(4),
    names: Array.from({ length: n }, (_, i) => `P${i}`),
    pinned: new Uint8Array(n),
    selected: new Set([3]),
    hovered: -1,
  };
}

describe('drawScene (level of detail)', () => {
  it('batches: one path per colour and per trust band, whatever the number of people', () => {
    const { ctx, calls } = recordingContext();
    const stats = drawScene(ctx, lineScene(50), { x: 10, y: 300, k: 1 }, OPTS);
    expect(stats.nodes).toBe(50);
    expect(stats.edges).toBe(49);
    expect(calls.fill).toBe(2); // two colours
    expect(calls.stroke).toBe(3 + 1 + 1); // three trust bands, the pin rings, the selection ring
  });

  it('culls people and ties off screen', () => {
    const { ctx } = recordingContext();
    // zoomed on the first people only: 800 px at k=4 shows 200 world units (+ margin)
    const stats = drawScene(ctx, lineScene(1000), { x: 0, y: 300, k: 4 }, OPTS);
    expect(stats.nodes).toBeLessThan(30);
    expect(stats.edges).toBeLessThan(30);
  });

  it('draws names only when zoomed in, except the selected person', () => {
    const far = recordingContext();
    expect(drawScene(far.ctx, lineScene(50), { x: 10, y: 300, k: 1 }, OPTS).labels).toBe(1);
    expect(far.texts).toEqual(['P3']);
    const near = recordingContext();
    expect(drawScene(near.ctx, lineScene(50), { x: 10, y: 300, k: 2 }, OPTS).labels).toBeGreaterThan(20);
  });
});

describe('HitIndex (d3-quadtree)', () => {
  const x = Float32Array.from([0, 10, 20, 100]);
  const y = Float32Array.from([0, 0, 0, 100]);
  const hit = new HitIndex(x, y);
  it('picks the nearest person within the radius, or nobody', () => {
    expect(hit.pick(9, 1, 5)).toBe(1);
    expect(hit.pick(50, 50, 5)).toBe(-1);
  });
  it('lassoes the people inside a polygon', () => {
    expect(hit.lasso([[-5, -5], [15, -5], [15, 5], [-5, 5]])).toEqual([0, 1]);
    expect(hit.lasso([[90, 90], [110, 90], [100, 120]])).toEqual([3]);
    expect(hit.lasso([[0, 0], [1, 1]])).toEqual([]);
  });
});

describe('graph model, palette and layout', () => {
  const net = generateNetwork({ people: 150, seed: 3 });
  const model = buildGraphModel(net.people, net.ties);

  it('finds communities deterministically and colours at most ten groups, with a legend that adds up', () => {
    const community = communities(model.ids.length, model.source, model.target, model.trust, 1);
    expect(communities(model.ids.length, model.source, model.target, model.trust, 1)).toEqual(community);
    expect(Math.max(...community)).toBeGreaterThan(0);
    const labels = clusterLabels(community, model.mainSkill, (s) => s.toUpperCase());
    expect(labels[0].community).toBe(0);
    expect(labels[0].label).toMatch(/[A-Z]/);
    expect(labels.every((l, i) => i === 0 || l.size <= labels[i - 1].size)).toBe(true);
    for (const by of ['field', 'community'] as const) {
      const p = buildPalette(model, by, { community, communityLabel: (c) => `C${c}` });
      if (by === 'community') expect(p.legend[0].label).toBe('C0');
      expect(p.colours.length).toBeLessThanOrEqual(10);
      expect(p.legend.reduce((s, l) => s + l.count, 0)).toBe(net.people.length);
      expect(Math.max(...p.group)).toBeLessThan(p.colours.length);
    }
  });

  it('the force layout keeps pinned people where they were put and spreads the rest', () => {
    const layout = new ForceLayout();
    layout.setGraph({ type: 'graph', n: model.ids.length, source: model.source, target: model.target, trust: model.trust, pins: [[0, 500, -300]] });
    let frame = layout.step(1);
    for (let i = 0; i < 400 && !layout.settled; i++) frame = layout.step(5);
    expect(layout.settled).toBe(true);
    expect([frame.x[0], frame.y[0]]).toEqual([500, -300]);
    const spread = Math.max(...frame.x) - Math.min(...frame.x);
    expect(spread).toBeGreaterThan(100);
    layout.pin(1, -200, 40);
    expect(layout.settled).toBe(false);
    frame = layout.step(3);
    expect([frame.x[1], frame.y[1]]).toEqual([-200, 40]);
  });
});

describe('flying to a person', () => {
  it('starts at the current camera and ends centred on the target', () => {
    const a = { x: 0, y: 0, k: 1 };
    const b = centreOn(300, -100, 2.5, 800, 600);
    expect(flightAt(a, b, 0, 800, 600)).toEqual(a);
    const end = flightAt(a, b, 1, 800, 600);
    expect(end.k).toBeCloseTo(2.5, 9);
    expect(300 * end.k + end.x).toBeCloseTo(400, 6);
    expect(-100 * end.k + end.y).toBeCloseTo(300, 6);
  });
});

describe('filters, focus, islands and the SVG export', () => {
  const net = generateNetwork({ people: 200, seed: 5 });
  const model = buildGraphModel(net.people, net.ties);
  const people = model.people; // in the model's order (by id)

  it('filters by skill and level, place, time-zone band, availability and rate', () => {
    expect([...filterMask(model, NO_FILTERS)].every((v) => v === 1)).toBe(true);
    const skill = people[0].skills[0].skill;
    const bySkill = filterMask(model, { ...NO_FILTERS, skill, minLevel: 0.5 });
    people.forEach((p, i) => expect(bySkill[i]).toBe(p.skills.some((s) => s.skill === skill && s.level >= 0.5) ? 1 : 0));
    const city = people[0].location!.city!;
    const byPlace = filterMask(model, { ...NO_FILTERS, place: city.toUpperCase() });
    expect(byPlace[0]).toBe(1);
    people.forEach((p, i) => byPlace[i] && expect(`${p.location?.city} ${p.location?.country}`).toContain(city));
    const bands = (['americas', 'europe-africa', 'asia-pacific'] as const).map((band) => filterMask(model, { ...NO_FILTERS, band }));
    for (let i = 0; i < people.length; i++) expect(bands[0][i] + bands[1][i] + bands[2][i]).toBe(1);
    const cheap = filterMask(model, { ...NO_FILTERS, maxRate: 40 });
    people.forEach((p, i) => expect(cheap[i]).toBe(p.rate === undefined || p.rate <= 40 ? 1 : 0));
    const available = filterMask(model, { ...NO_FILTERS, minAvailability: 0.8 });
    people.forEach((p, i) => expect(available[i]).toBe((p.availability ?? 1) >= 0.8 ? 1 : 0));
  });

  it('focus: the n-hop neighbourhood grows with n and holds exactly the direct ties at one hop', () => {
    const one = neighbourhood(model, 0, 1);
    const me = people[0].id;
    const direct = new Set([me, ...net.ties.flatMap((t) => (t.from === me ? [t.to] : t.to === me ? [t.from] : []))]);
    expect(new Set(model.ids.filter((_, i) => one[i]))).toEqual(direct);
    const two = neighbourhood(model, 0, 2);
    expect(two.reduce((s, v) => s + v, 0)).toBeGreaterThan(one.reduce((s, v) => s + v, 0));
    for (let i = 0; i < one.length; i++) if (one[i]) expect(two[i]).toBe(1);
  });

  it('an island outline holds all its members, also for one or two of them', () => {
    for (const pts of [[[5, 5]], [[0, 0], [30, 10]], [[0, 0], [100, 0], [50, 80], [50, 20]]] as [number, number][][]) {
      const outline = islandOutline(pts, 12);
      expect(outline.length).toBeGreaterThanOrEqual(3);
      for (const p of pts) expect(polygonContains(outline, p)).toBe(true);
    }
  });

  it('the SVG holds one circle per person shown and one line per tie between them', () => {
    const n = model.ids.length;
    const visible = Uint8Array.from({ length: n }, (_, i) => (i % 2 ? 1 : 0));
    const svg = graphToSvg(
      { x: Float32Array.from({ length: n }, (_, i) => i), y: new Float32Array(n), radius: new Float32Array(n).fill(3), group: new Uint16Array(n), colours: ['#123456'], names: model.names, source: model.source, target: model.target, trust: model.trust, visible, theme: { bg: '#fff', ink: '#000', muted: '#888' } },
      { title: 'Test <&>' },
    );
    expect(svg.match(/<circle /g)!.length).toBe(n / 2);
    let ties = 0;
    for (let e = 0; e < model.source.length; e++) if (visible[model.source[e]] && visible[model.target[e]]) ties++;
    expect((svg.match(/<line /g) ?? []).length).toBe(ties);
    expect(svg).toContain('Test &#60;&#38;&#62;');
    expect(svg).toContain(model.names[1].replace(/'/g, '&#39;'));
  });
});
