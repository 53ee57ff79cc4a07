import { useEffect } from 'react';
import { useUi } from '../../state/uiStore';
import { useGraphViewport } from '../graph/graphViewport';
import { post } from './workshopClient';

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * The facilitator's place now, as the host's `follow` control takes it: route, selection, and the
 * viewport: on the graph, its zoom and the world point at its centre (features/graph/graphViewport.ts,
 * so a screen of another size sees the same place); elsewhere the page's scroll position.
 */
export function currentPlace() {
  const ui = useUi.getState();
  const route = /^#\/[A-Za-z0-9/_.:-]*$/.test(location.hash) ? location.hash : '#/people';
  const graph = ui.view === 'graph' ? useGraphViewport.getState().shown : null;
  const viewport = graph ? { x: round(graph.cx, 1), y: round(graph.cy, 1), k: round(graph.k, 4) } : { x: Math.round(window.scrollX), y: Math.round(window.scrollY), k: 1 };
  return { route, selection: { personId: ui.selectedPersonId, projectId: ui.selectedProjectId }, viewport };
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
    const offGraph = useGraphViewport.subscribe(soon);
    window.addEventListener('hashchange', soon);
    window.addEventListener('scroll', soon, { passive: true });
    return () => {
      clearTimeout(timer);
      off();
      offGraph();
      window.removeEventListener('hashchange', soon);
      window.removeEventListener('scroll', soon);
    };
  }, [token, on, onError]);
}
