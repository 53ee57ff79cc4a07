/**
 * Hash routes (DESIGN.md §3 "Web app routes"): every view has one, so back and forward work and a
 * view can be linked. `#/projects/<id>` opens a project.
 */
export const VIEWS = ['graph', 'people', 'ties', 'projects', 'map', 'members', 'governance', 'workspaces'] as const;
export type View = (typeof VIEWS)[number];

export interface Route {
  view: View;
  projectId?: string;
}

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const view = (VIEWS as readonly string[]).includes(parts[0] ?? '') ? (parts[0] as View) : 'people';
  return view === 'projects' && parts[1] ? { view, projectId: parts[1] } : { view };
}

export const formatRoute = (r: Route) => `#/${r.view}${r.view === 'projects' && r.projectId ? `/${encodeURIComponent(r.projectId)}` : ''}`;
