import { useCallback, useLayoutEffect, useMemo, useReducer, useRef, type ChangeEvent, type KeyboardEvent } from 'react';
import { commitField, fieldReducer, initialField, sameValue, type FieldCodec, type FieldState } from './sharedField';

export interface SharedFieldBinding<T> {
  state: FieldState<T>;
  /** Spread onto the <input> or <textarea>. */
  input: {
    value: string;
    onFocus(): void;
    onChange(e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>): void;
    onBlur(): void;
    onKeyDown(e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>): void;
    'aria-invalid': boolean;
  };
  /** Takes the document's value (for a conflict's "use theirs", or Escape). */
  restore(): void;
}

/**
 * Binds a field to a value in a shared document (see sharedField.ts for the rules). `write` is
 * called only with a parsed value that differs from the document's, and may throw with a
 * plain-language message.
 */
export function useSharedField<T>(remote: T, codec: FieldCodec<T>, write: (value: T) => void, options: { multiline?: boolean } = {}): SharedFieldBinding<T> {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const reducer = useMemo(() => fieldReducer(codec), []);
  const [state, dispatch] = useReducer(reducer, remote, (r) => initialField(codec, r));
  const latest = useRef(state);
  const writeRef = useRef(write);
  useLayoutEffect(() => {
    latest.current = state;
    writeRef.current = write;
  });
  // the document moved: take it into the field now, in this render (the reducer decides how)
  if (!sameValue(codec, remote, state.remote)) dispatch({ type: 'remote', value: remote });

  const commit = useCallback(() => {
    const decision = commitField(codec, latest.current);
    if (decision.kind === 'invalid') return dispatch({ type: 'invalid', message: decision.message });
    if (decision.kind === 'none') return;
    try {
      writeRef.current(decision.value);
      dispatch({ type: 'written', value: decision.value });
    } catch (err) {
      dispatch({ type: 'invalid', message: (err as Error).message });
    }
    // codec is a module-level constant at every call site
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return {
    state,
    restore: () => dispatch({ type: 'restore' }),
    input: {
      value: state.draft,
      'aria-invalid': state.error !== null,
      onFocus: () => dispatch({ type: 'focus' }),
      onChange: (e) => dispatch({ type: 'input', text: e.target.value }),
      onBlur: () => {
        commit();
        dispatch({ type: 'blur' });
      },
      onKeyDown: (e) => {
        if (e.key === 'Enter' && !(options.multiline && !e.ctrlKey && !e.metaKey)) {
          e.preventDefault();
          commit();
        } else if (e.key === 'Escape' && (latest.current.dirty || latest.current.error)) {
          // the first Escape puts the field back; the next one may close the panel
          e.stopPropagation();
          dispatch({ type: 'restore' });
        }
      },
    },
  };
}
