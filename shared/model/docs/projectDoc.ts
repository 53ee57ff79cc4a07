import * as Y from 'yjs';
import { z } from 'zod';
import { parseOrThrow } from '../validate';
import { migrate, type Migration } from './docVersion';

/**
 * A `project:<id>` document: its name and objective (a `Y.Text`, so two people can edit it at once).
 * Later issues add requirements, the pathway, teams, agreements, milestones and the narrative here.
 */
export const PROJECT_DOC_VERSION = 1;

const migrations: Migration[] = [{ to: 1, run: (doc) => void doc.getText('objective') }];

export function openProjectDoc(doc: Y.Doc, origin: unknown): void {
  migrate(doc, 'project', PROJECT_DOC_VERSION, migrations, origin);
}

export const objectiveText = (doc: Y.Doc) => doc.getText('objective');

export function projectName(doc: Y.Doc): string {
  return (doc.getMap('meta').get('name') as string | undefined) ?? '';
}

export function setProjectName(doc: Y.Doc, name: string, origin: unknown): void {
  const valid = parseOrThrow(z.string().trim().min(1, 'a project needs a name').max(200), name, 'project name');
  doc.transact(() => doc.getMap('meta').set('name', valid), origin);
}

/**
 * Replaces the objective with `next` by the smallest edit (common prefix and suffix kept), so a
 * concurrent edit elsewhere in the text survives.
 */
export function editObjective(doc: Y.Doc, next: string, origin: unknown): void {
  const text = objectiveText(doc);
  const prev = text.toString();
  if (prev === next) return;
  let start = 0;
  while (start < prev.length && start < next.length && prev[start] === next[start]) start++;
  let endPrev = prev.length;
  let endNext = next.length;
  while (endPrev > start && endNext > start && prev[endPrev - 1] === next[endNext - 1]) {
    endPrev--;
    endNext--;
  }
  doc.transact(() => {
    if (endPrev > start) text.delete(start, endPrev - start);
    if (endNext > start) text.insert(start, next.slice(start, endNext));
  }, origin);
}
