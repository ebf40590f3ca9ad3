/**
 * The content script runs at `document_start`, before LinkedIn's HTML is parsed. While the parser
 * runs, the page observer (lib/page-observer.ts) is not started: on a 1 MB page it would be told of
 * every parsed node. Instead one bare MutationObserver calls `look` at most once per batch of parsed
 * nodes, and only from the moment a `<main>` exists (a live collection: no search of the page), until
 * `look` says it is done or the parser finishes (then the page observer takes over).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export function watchWhileParsing(ctx: ContentScriptContext, look: () => boolean): void {
  const mains = document.getElementsByTagName('main');
  const observer = new MutationObserver(() => {
    if (mains.length === 0) return;
    try {
      if (look()) observer.disconnect();
    } catch (error) {
      observer.disconnect();
      console.warn('[warm-intro] could not read the page while it loads', error);
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  const stop = () => observer.disconnect();
  ctx.addEventListener(document, 'DOMContentLoaded', stop, { once: true });
  ctx.onInvalidated(stop);
}
