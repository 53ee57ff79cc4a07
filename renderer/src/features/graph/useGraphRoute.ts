import { useEffect } from 'react';
import { useUi } from '../../state/uiStore';

export const GRAPH_HASH = '#/graph';

/**
 * `#/graph` opens the graph view, and opening the graph view sets it, so the view can be linked and
 * back/forward work. (The app-wide hash router of DESIGN.md §3 can replace this.)
 */
export function useGraphRoute() {
  const view = useUi((s) => s.view);
  const go = useUi((s) => s.go);
  useEffect(() => {
    const onHash = () => {
      if (window.location.hash === GRAPH_HASH) go('graph');
      else if (useUi.getState().view === 'graph') go('people');
    };
    onHash();
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [go]);
  useEffect(() => {
    if (view === 'graph' && window.location.hash !== GRAPH_HASH) window.location.hash = GRAPH_HASH;
    else if (view !== 'graph' && window.location.hash === GRAPH_HASH) history.pushState(null, '', window.location.pathname + window.location.search);
  }, [view]);
}
