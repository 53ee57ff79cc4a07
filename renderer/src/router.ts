/**
 * Hash routes (DESIGN.md §3 "Web app routes"): every view has one, so back and forward work and a
 * view can be linked. `#/projects/<id>` opens a project, `#/members/<public key>` a member's page.
 */
export const VIEWS = ['graph', 'people', 'ties', 'projects', 'map', 'members', 'governance', 'workspaces'] as const;
export type View = (typeof VIEWS)[number];

export interface Route {
  view: View;
  projectId?: string;
  /** The member whose page is open (`#/members/<key>`). */
  memberKey?: string;
}

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const view = (VIEWS as readonly string[]).includes(parts[0] ?? '') ? (parts[0] as View) : 'people';
  if (view === 'projects' && parts[1]) return { view, projectId: parts[1] };
  if (view === 'members' && parts[1]) return { view, memberKey: parts[1] };
  return { view };
}

export function formatRoute(r: Route): string {
  const id = r.view === 'projects' ? r.projectId : r.view === 'members' ? r.memberKey : undefined;
  return `#/${r.view}${id ? `/${encodeURIComponent(id)}` : ''}`;
}
