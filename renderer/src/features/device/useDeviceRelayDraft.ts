import { useState } from 'react';
import { useFollowingDraft } from '../../forms/useFollowingDraft';
import { addRelay, editableRelays, moveUp, putFirst, relaysToSave, removeRelay } from './relayListDraft';

export interface DeviceRelayDraft {
  /** The list as edited (each relay without its token), in order. */
  relays: string[];
  /** What is typed in the "add a relay" box. */
  typed: string;
  problem: string | null;
  setTyped(text: string): void;
  add(): void;
  remove(i: number): void;
  putFirst(i: number): void;
  moveUp(i: number): void;
  /** The list to save (with what is still typed), or null after showing why it cannot be saved. */
  toSave(): string[] | null;
}

/**
 * The "This device" form's draft of the device's relays: it follows the saved list until edited (so
 * the form never saves back a list changed elsewhere), and explains a bad relay at once.
 */
export function useDeviceRelayDraft(current: readonly string[]): DeviceRelayDraft {
  const [text, setText] = useFollowingDraft(editableRelays(current).join('\n'));
  const [typed, setTypedState] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const relays = text ? text.split('\n') : [];
  const edit = (next: string[]) => (setText(next.join('\n')), setProblem(null));
  const attempt = <T,>(fn: () => T): T | null => {
    try {
      const out = fn();
      setProblem(null);
      return out;
    } catch (e) {
      setProblem((e as Error).message);
      return null;
    }
  };
  return {
    relays,
    typed,
    problem,
    setTyped: (t) => (setTypedState(t), setProblem(null)),
    add: () => {
      const next = attempt(() => addRelay(relays, typed));
      if (!next) return;
      edit(next);
      setTypedState('');
    },
    remove: (i) => edit(removeRelay(relays, i)),
    putFirst: (i) => edit(putFirst(relays, i)),
    moveUp: (i) => edit(moveUp(relays, i)),
    toSave: () => {
      const out = attempt(() => relaysToSave(relays, typed, current));
      if (out) setTypedState('');
      return out;
    },
  };
}
