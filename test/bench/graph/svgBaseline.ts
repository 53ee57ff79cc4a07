/**
 * The baseline of the graph benchmark: the same graph drawn the plain D3 way, one SVG element per
 * person and per tie, d3-zoom transforming a group, and (while settling) d3-force ticking on the
 * UI thread and moving every element. Bundled by esbuild and run in the same headless Chromium.
 */
import { forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import { select } from 'd3-selection';
import { zoom } from 'd3-zoom';

interface Snapshot {
  x: number[];
  y: number[];
  source: number[];
  target: number[];
  radius: number[];
  colour: string[];
}

declare global {
  interface Window {
    svgBaseline(snapshot: Snapshot, settle: boolean): void;
  }
}

window.svgBaseline = (s, settle) => {
  const width = window.innerWidth;
  const height = window.innerHeight;
  const svg = select(document.body).append('svg').attr('width', width).attr('height', height).attr('data-testid', 'svg-baseline');
  const g = svg.append('g');
  const nodes: (SimulationNodeDatum & { i: number })[] = s.x.map((x, i) => ({ i, x, y: s.y[i] }));
  const links = s.source.map((a, e) => ({ source: a, target: s.target[e] }));
  const line = g
    .append('g')
    .attr('stroke', 'gray')
    .attr('stroke-opacity', 0.4)
    .selectAll('line')
    .data(links)
    .join('line');
  const circle = g
    .append('g')
    .selectAll('circle')
    .data(nodes)
    .join('circle')
    .attr('r', (d) => s.radius[d.i])
    .attr('fill', (d) => s.colour[d.i]);
  const place = () => {
    line
      .attr('x1', (l) => nodes[typeof l.source === 'number' ? l.source : (l.source as { i: number }).i].x!)
      .attr('y1', (l) => nodes[typeof l.source === 'number' ? l.source : (l.source as { i: number }).i].y!)
      .attr('x2', (l) => nodes[typeof l.target === 'number' ? l.target : (l.target as { i: number }).i].x!)
      .attr('y2', (l) => nodes[typeof l.target === 'number' ? l.target : (l.target as { i: number }).i].y!);
    circle.attr('cx', (d) => d.x!).attr('cy', (d) => d.y!);
  };
  place();
  svg.call(
    zoom<SVGSVGElement, unknown>().on('zoom', (event) => {
      g.attr('transform', event.transform.toString());
    }),
  );
  g.attr('transform', `translate(${width / 2},${height / 2}) scale(0.5)`);
  if (settle) {
    forceSimulation(nodes)
      .force('link', forceLink(links).distance(30))
      .force('charge', forceManyBody().strength(-12).theta(1.2).distanceMax(250))
      .force('x', forceX(0).strength(0.04))
      .force('y', forceY(0).strength(0.04))
      .alpha(1)
      .alphaDecay(0.04)
      .on('tick', place);
  }
};
