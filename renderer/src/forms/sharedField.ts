/**
 * The state of one form field bound to a value in a shared (Yjs) document.
 *
 * Why this exists: a form that seeds an input once and writes it back on blur reverts whatever a
 * collaborator changed in between (the stale value is written as if it were an edit). The rules here:
 * - a field the user has not changed never writes;
 * - while the user is not editing it, the field shows the document's value as it arrives;
 * - when the document's value changes while the user is editing, the user is told: silently taken
 *   over if they have not typed yet ("updated"), or flagged as a conflict if they have, with the
 *   other value and a way to take it ("conflict");
 * - a value that does not parse is not written: the field stays marked with a plain message until the
 *   user fixes it or restores the document's value (Escape).
 * Pure: the React binding is `useSharedField`.
 */
export interface FieldCodec<T> {
  format(value: T): string;
  /** A plain-language message for text that cannot be written. */
  parse(text: string): { ok: true; value: T } | { ok: false; message: string };
  equals?(a: T, b: T): boolean;
}

export type RemoteNote = { kind: 'none' } | { kind: 'updated' } | { kind: 'conflict'; theirs: string };

export interface FieldState<T> {
  /** The document's current value. */
  remote: T;
  /** What the input shows. */
  draft: string;
  editing: boolean;
  /** The user changed the text since it last matched the document. */
  dirty: boolean;
  note: RemoteNote;
  error: string | null;
}

export type FieldEvent<T> =
  | { type: 'remote'; value: T }
  | { type: 'focus' }
  | { type: 'input'; text: string }
  | { type: 'blur' }
  | { type: 'written'; value: T }
  | { type: 'invalid'; message: string }
  | { type: 'restore' };

export const sameValue = <T>(codec: FieldCodec<T>, a: T, b: T) => (codec.equals ? codec.equals(a, b) : Object.is(a, b) || JSON.stringify(a) === JSON.stringify(b));

export function initialField<T>(codec: FieldCodec<T>, remote: T): FieldState<T> {
  return { remote, draft: codec.format(remote), editing: false, dirty: false, note: { kind: 'none' }, error: null };
}

export function fieldReducer<T>(codec: FieldCodec<T>) {
  return (s: FieldState<T>, e: FieldEvent<T>): FieldState<T> => {
    switch (e.type) {
      case 'remote': {
        if (sameValue(codec, e.value, s.remote)) return s;
        if (!s.dirty) return { ...s, remote: e.value, draft: codec.format(e.value), note: s.editing ? { kind: 'updated' } : { kind: 'none' }, error: null };
        // the user has their own text: keep it, and say what the document now holds
        if (codec.format(e.value) === s.draft) return { ...s, remote: e.value, dirty: false, note: { kind: 'none' }, error: null };
        return { ...s, remote: e.value, note: { kind: 'conflict', theirs: codec.format(e.value) } };
      }
      case 'focus':
        return { ...s, editing: true };
      case 'input': {
        const dirty = e.text !== codec.format(s.remote);
        return { ...s, draft: e.text, dirty, error: dirty ? s.error : null, note: dirty ? s.note : { kind: 'none' } };
      }
      case 'blur':
        return { ...s, editing: false, note: s.note.kind === 'updated' ? { kind: 'none' } : s.note };
      case 'written':
        return { ...s, remote: e.value, draft: codec.format(e.value), dirty: false, note: { kind: 'none' }, error: null };
      case 'invalid':
        return { ...s, error: e.message };
      case 'restore':
        return { ...s, draft: codec.format(s.remote), dirty: false, note: { kind: 'none' }, error: null };
    }
  };
}

/** What committing the field (blur or Enter) should do. */
export type Commit<T> = { kind: 'none' } | { kind: 'invalid'; message: string } | { kind: 'write'; value: T };

export function commitField<T>(codec: FieldCodec<T>, s: FieldState<T>): Commit<T> {
  if (!s.dirty) return { kind: 'none' };
  const parsed = codec.parse(s.draft);
  if (!parsed.ok) return { kind: 'invalid', message: parsed.message };
  if (sameValue(codec, parsed.value, s.remote)) return { kind: 'none' };
  return { kind: 'write', value: parsed.value };
}
