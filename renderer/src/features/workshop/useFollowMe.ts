import { useEffect } from 'react';
import { useUi } from '../../state/uiStore';
import { post } from './workshopClient';

/** The facilitator's place now: route, selection and scroll position, as the host's `follow` control takes it. */
export function currentPlace() {
  const ui = useUi.getState();
  const route = /^#\/[A-Za-z0-9/_.:-]*$/.test(location.hash) ? location.hash : '#/people';
  return { route, selection: { personId: ui.selectedPersonId, projectId: ui.selectedProjectId }, viewport: { x: Math.round(window.scrollX), y: Math.round(window.scrollY), k: 1 } };
}

/** While on, sends the facilitator's place to the host whenever it changes (a little after, to batch scrolls). */
export function useFollowMe(token: string, on: boolean, onError: (message: string) => void) {
  useEffect(() => {
    if (!on) return;
    let last = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const send = () => {
      const target = currentPlace();
      const key = JSON.stringify(target);
      if (key === last) return;
      last = key;
      post(token, 'control', { action: 'follow', target }).catch((e: Error) => onError(e.message));
    };
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(send, 150);
    };
    send();
    const off = useUi.subscribe(soon);
    window.addEventListener('hashchange', soon);
    window.addEventListener('scroll', soon, { passive: true });
    return () => {
      clearTimeout(timer);
      off();
      window.removeEventListener('hashchange', soon);
      window.removeEventListener('scroll', soon);
    };
  }, [token, on, onError]);
}
