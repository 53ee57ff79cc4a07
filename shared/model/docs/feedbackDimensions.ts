import type * as Y from 'yjs';
import { DimensionName, STANDARD_DIMENSIONS } from '../../identity/eventKinds';
import { parseOrThrow } from '../validate';

/**
 * The feedback dimensions of a workspace: the four standard ones and those the workspace adds (a
 * `Y.Map` name → true in the workspace document, so two members adding the same one merge).
 */
const dimsMap = (doc: Y.Doc) => doc.getMap<unknown>('feedbackDimensions');

export function feedbackDimensions(doc: Y.Doc): string[] {
  const added: string[] = [];
  dimsMap(doc).forEach((v, k) => {
    if (v === true && DimensionName.safeParse(k).success && !(STANDARD_DIMENSIONS as readonly string[]).includes(k)) added.push(k);
  });
  return [...STANDARD_DIMENSIONS, ...added.sort()];
}

/** Adds a dimension (lowercase letters, digits, dashes); a bad name is refused with the reason. */
export function addFeedbackDimension(doc: Y.Doc, name: string, origin: unknown): string {
  const valid = parseOrThrow(DimensionName, name.trim().toLowerCase().replace(/\s+/g, '-'), 'dimension');
  doc.transact(() => dimsMap(doc).set(valid, true), origin);
  return valid;
}
