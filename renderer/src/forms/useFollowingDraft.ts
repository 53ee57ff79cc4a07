import { useState } from 'react';

/**
 * Local text for a form with a Save button, seeded from a value that can change elsewhere (another
 * window, a sync). Until the user edits it, it follows that value; once edited, it keeps the user's
 * text. So a form never shows, and then saves back, a value that is no longer current.
 */
export function useFollowingDraft(current: string): [string, (text: string) => void] {
  const [state, setState] = useState({ current, draft: current });
  if (current !== state.current) {
    const edited = state.draft !== state.current;
    setState({ current, draft: edited ? state.draft : current });
  }
  return [state.draft, (draft) => setState((s) => ({ ...s, draft }))];
}
