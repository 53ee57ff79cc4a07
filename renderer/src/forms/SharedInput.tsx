import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import type { FieldCodec } from './sharedField';
import { useSharedField } from './useSharedField';

type Props<T> = {
  label: ReactNode;
  /** The document's current value. */
  value: T;
  codec: FieldCodec<T>;
  /** Writes a changed, valid value; may throw with a plain-language message. */
  onCommit(value: T): void;
  testId?: string;
  multiline?: boolean;
  rows?: number;
} & Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'inputMode' | 'placeholder' | 'autoComplete' | 'min' | 'step' | 'list'>;

/**
 * An input bound to a shared document value: shows collaborators' changes as they arrive, writes only
 * what the user changed, says when someone else changed the field while it was being edited, and
 * explains a value it cannot take beside the field (see sharedField.ts).
 */
export function SharedInput<T>({ label, value, codec, onCommit, testId, multiline, rows, ...rest }: Props<T>) {
  const field = useSharedField(value, codec, onCommit, { multiline });
  const id = useId();
  const noteId = `${id}-note`;
  const { state } = field;
  const described = state.error || state.note.kind !== 'none' ? noteId : undefined;
  const common = { ...field.input, id, 'aria-describedby': described, 'data-testid': testId, 'data-dirty': state.dirty || undefined, className: state.error ? 'invalid' : undefined };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea rows={rows} {...common} /> : <input {...rest} {...common} />}
      {state.error && (
        <p className="field-error" id={noteId} role="alert" data-testid={testId && `${testId}-error`}>
          {state.error}{' '}
          <button type="button" className="link" onMouseDown={(e) => e.preventDefault()} onClick={field.restore}>
            Restore “{codec.format(state.remote) || 'empty'}”
          </button>
        </p>
      )}
      {!state.error && state.note.kind === 'conflict' && (
        <p className="field-note conflict" id={noteId} role="status" data-testid={testId && `${testId}-conflict`}>
          Someone else changed this to “{state.note.theirs}” while you were editing. Yours replaces it when you leave the field.{' '}
          <button type="button" className="link" onMouseDown={(e) => e.preventDefault()} onClick={field.restore}>
            Use theirs
          </button>
        </p>
      )}
      {!state.error && state.note.kind === 'updated' && (
        <p className="field-note" id={noteId} role="status" data-testid={testId && `${testId}-updated`}>
          Just updated by a collaborator.
        </p>
      )}
    </div>
  );
}
