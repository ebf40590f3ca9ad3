import { useEffect, useState } from 'preact/hooks';
import { STAGES, type Stage } from '../../lib/stages';

export const VIEWS = ['board', 'network', 'insights', 'templates', 'settings', 'data'] as const;
export type View = (typeof VIEWS)[number];

export type Route = { view: View; stage?: Stage } | { view: 'contact'; id: string };

/**
 * `#/board` (the default), `#/board?stage=scheduled`, `#/contact/<id>`, `#/network`, `#/insights`,
 * `#/templates`, `#/settings`, `#/data`. Anything else is the board.
 */
export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [head, ...rest] = path.split('/');
  if (head === 'contact' && rest[0]) {
    try {
      return { view: 'contact', id: decodeURIComponent(rest[0]) };
    } catch {
      return { view: 'board' };
    }
  }
  if (head === 'board' || !head) {
    const stage = new URLSearchParams(query).get('stage');
    return STAGES.includes(stage as Stage) ? { view: 'board', stage: stage as Stage } : { view: 'board' };
  }
  return (VIEWS as readonly string[]).includes(head!) ? { view: head as View } : { view: 'board' };
}

export const contactHref = (id: string) => `#/contact/${encodeURIComponent(id)}`;

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
