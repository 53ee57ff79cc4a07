import * as Y from 'yjs';
import { z } from 'zod';
import { parseOrThrow } from '../validate';
import { migrate, type Migration } from './docVersion';

/** The `workspace` document: its name, the list of projects, and settings shared by its members. */
export const WORKSPACE_DOC_VERSION = 1;

const migrations: Migration[] = [{ to: 1, run: (doc) => void doc.getMap('projects') }];

export const ProjectSummarySchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1).max(200),
  createdAt: z.number(),
});
export type ProjectSummary = z.infer<typeof ProjectSummarySchema>;

export function openWorkspaceDoc(doc: Y.Doc, origin: unknown): void {
  migrate(doc, 'workspace', WORKSPACE_DOC_VERSION, migrations, origin);
}

export function workspaceName(doc: Y.Doc): string {
  return (doc.getMap('meta').get('name') as string | undefined) ?? 'Untitled workspace';
}

export function setWorkspaceName(doc: Y.Doc, name: string, origin: unknown): void {
  const valid = parseOrThrow(z.string().trim().min(1).max(200), name, 'workspace name');
  doc.transact(() => doc.getMap('meta').set('name', valid), origin);
}

export function listProjects(doc: Y.Doc): ProjectSummary[] {
  const out: ProjectSummary[] = [];
  doc.getMap('projects').forEach((v) => {
    const parsed = ProjectSummarySchema.safeParse(v);
    if (parsed.success) out.push(parsed.data);
  });
  return out.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

export function putProjectSummary(doc: Y.Doc, summary: ProjectSummary, origin: unknown): void {
  const valid = parseOrThrow(ProjectSummarySchema, summary, 'project');
  doc.transact(() => doc.getMap('projects').set(valid.id, valid), origin);
}

export function removeProjectSummary(doc: Y.Doc, id: string, origin: unknown): void {
  doc.transact(() => doc.getMap('projects').delete(id), origin);
}
