/**
 * The content script runs at `document_start`, before LinkedIn's HTML is parsed. While the parser
 * runs, the page observer (lib/page-observer.ts) is not started, and no MutationObserver either: on
 * a 1 MB page it would be told of every parsed node. Instead `look` runs once per frame the page
 * renders while it loads (requestAnimationFrame: just before that frame is painted, so a top card
 * parsed since the last frame appears in the same frame as the sidebar), from the moment a `<main>`
 * exists (a live collection: no search of the page), until `look` says it is done or the parser
 * finishes (then the page observer takes over).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export function watchWhileParsing(ctx: ContentScriptContext, look: () => boolean): void {
  const mains = document.getElementsByTagName('main');
  let frame = 0;
  const tick = () => {
    frame = 0;
    if (ctx.signal.aborted || document.readyState !== 'loading') return;
    try {
      if (mains.length > 0 && look()) return;
    } catch (error) {
      console.warn('[warm-intro] could not read the page while it loads', error);
      return;
    }
    frame = requestAnimationFrame(tick);
  };
  frame = requestAnimationFrame(tick);
  ctx.onInvalidated(() => cancelAnimationFrame(frame));
}
