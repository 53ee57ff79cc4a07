import type * as Y from 'yjs';

/**
 * Every document carries `meta.version`. A document written by an older app is migrated forward when
 * opened; one written by a newer app is refused (read-only is safer than guessing).
 */
export type DocKind = 'workspace' | 'network' | 'project' | 'ledger';

export interface Migration {
  /** Migrates a document from `to - 1` to `to`, inside one transaction. */
  to: number;
  run(doc: Y.Doc): void;
}

export class NewerDocumentError extends Error {
  constructor(
    readonly kind: DocKind,
    readonly version: number,
    readonly supported: number,
  ) {
    super(`this ${kind} document has schema version ${version}; this app understands up to ${supported}. Update Archipelago to open it.`);
    this.name = 'NewerDocumentError';
  }
}

export function docVersion(doc: Y.Doc): number {
  return (doc.getMap('meta').get('version') as number | undefined) ?? 0;
}

/** Brings `doc` to `current`, or throws NewerDocumentError. Returns the migrations run. */
export function migrate(doc: Y.Doc, kind: DocKind, current: number, migrations: readonly Migration[], origin: unknown): number[] {
  const from = docVersion(doc);
  if (from > current) throw new NewerDocumentError(kind, from, current);
  const ran: number[] = [];
  if (from === current) return ran;
  doc.transact(() => {
    for (const m of [...migrations].sort((a, b) => a.to - b.to)) {
      if (m.to <= from || m.to > current) continue;
      m.run(doc);
      ran.push(m.to);
    }
    doc.getMap('meta').set('version', current);
    doc.getMap('meta').set('kind', kind);
  }, origin);
  return ran;
}
