/**
 * The message and invitation buttons (./composers.tsx, with the compose menu, the contact picker
 * and the templates) are loaded the first time LinkedIn shows a composer; until then a page pays
 * only for finding that there is none.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { lazyManager } from '../../lib/lazy';
import { findLinkedInComposers } from '../../lib/linkedin/messaging';
import type { ComposerManager } from './composers';

type Composers = typeof import('./composers');

/** Our own sidebar holds a form and a textarea; it is never LinkedIn's composer (as in composers.tsx). */
const isLinkedIns = (composer: { element: HTMLElement }) => {
  const root = composer.element.getRootNode();
  return !(root instanceof ShadowRoot && root.host.localName.startsWith('warm-intro-'));
};

/**
 * `mayHaveOne`: a cheap look for any form, dialog or text box (./index.tsx); a page without one (a
 * profile, most of the time) is told apart without the composer reader's walks through the page.
 */
export function lazyComposers(
  ctx: ContentScriptContext,
  opts: Parameters<Composers['createComposerManager']>[1],
  mayHaveOne: () => boolean,
): ComposerManager {
  return lazyManager<Composers>(
    ctx.signal,
    'linkedin/composers',
    'the LinkedIn message buttons',
    () => mayHaveOne() && findLinkedInComposers(document, location.href).some(isLinkedIns),
    (module) => module.createComposerManager(ctx, opts),
  );
}
